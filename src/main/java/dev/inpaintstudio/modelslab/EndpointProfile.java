package dev.inpaintstudio.modelslab;

import dev.inpaintstudio.imaging.GenerationSize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.inpaintstudio.modelslab.ApiField.*;

/**
 * What one endpoint takes, as data: its fields in the order an artist would see them, each with its
 * wire name(s), encoding, limits, default and whether it is required, plus where and how to poll.
 * Request bodies ({@link #wireParameters}), validation ({@link #validate}), parsing of typed-in text
 * ({@link #parse}) and the generated side panel and command line all read it, so a field an endpoint
 * lacks is never sent and every limit is checked in one place.
 *
 * <p>Sources are the five endpoint pages; where they disagree, PROTOCOL.md's "build for both readings"
 * decides, and a comment at each profile below says how.
 */
public final class EndpointProfile {

    /** Images may be at most this many pixels a side: the size the crop planner aims for. */
    public static final int MAX_SIDE = GenerationSize.MAX_SIDE;
    /** Both sides must be a multiple of this. */
    public static final int SIDE_MULTIPLE = GenerationSize.MULTIPLE;
    /** Images must be at least this many pixels a side: the newer pages say so, the older ones are silent,
     * so both readings are met (PROTOCOL.md). */
    public static final int MIN_SIDE = GenerationSize.MIN_SIDE;
    /** Seeds are unsigned 32-bit numbers on the server (its meta shows values up to 2^32 - 1). */
    public static final long MAX_SEED = 0xFFFF_FFFFL;

    /** The 18 schedulers listed by the v4, v6 (schema enum) and enterprise pages, in their order. */
    public static final List<String> SCHEDULERS = List.of(
            "DDPMScheduler", "DDIMScheduler", "PNDMScheduler", "LMSDiscreteScheduler", "EulerDiscreteScheduler",
            "EulerAncestralDiscreteScheduler", "DPMSolverMultistepScheduler", "HeunDiscreteScheduler",
            "KDPM2DiscreteScheduler", "DPMSolverSinglestepScheduler", "KDPM2AncestralDiscreteScheduler",
            "UniPCMultistepScheduler", "DDIMInverseScheduler", "DEISMultistepScheduler", "IPNDMScheduler",
            "KarrasVeScheduler", "ScoreSdeVeScheduler", "LCMScheduler");
    /**
     * The 15 schedulers of the enterprise pony page, in its order: the 18 without
     * DDIMInverseScheduler, KarrasVeScheduler and ScoreSdeVeScheduler.
     */
    public static final List<String> PONY_SCHEDULERS = List.of(
            "EulerDiscreteScheduler", "EulerAncestralDiscreteScheduler", "LMSDiscreteScheduler",
            "HeunDiscreteScheduler", "KDPM2DiscreteScheduler", "KDPM2AncestralDiscreteScheduler",
            "DPMSolverMultistepScheduler", "DPMSolverSinglestepScheduler", "DDIMScheduler", "DDPMScheduler",
            "PNDMScheduler", "UniPCMultistepScheduler", "DEISMultistepScheduler", "LCMScheduler", "IPNDMScheduler");
    public static final List<String> SAFETY_CHECKER_TYPES = List.of("blur", "sensitive_content_text", "pixelate", "black");
    public static final List<String> ALGORITHM_TYPES = List.of("none", "dpmsolver+++");
    /** The v6 schema's IPAdapterIDEnum. */
    public static final List<String> IP_ADAPTER_IDS = List.of("ip-adapter_sdxl", "ip-adapter_sd15",
            "ip-adapter-plus-face_sd15", "ip-adapter-plus_sdxl_vit-h", "ip-adapter-plus-face_sdxl_vit-h");

    /** The order in which an artist meets the fields; each profile shows the ones it has in this order. */
    static final List<ApiField> ARTIST_ORDER = List.of(
            MODEL_ID, PROMPT, NEGATIVE_PROMPT, STRENGTH, GUIDANCE_SCALE, STEPS, SCHEDULER, SEED, SAMPLES,
            LORA_MODEL, LORA_STRENGTH, EMBEDDINGS_MODEL, VAE, CLIP_SKIP, USE_KARRAS_SIGMAS, ALGORITHM_TYPE, TOMESD,
            IP_ADAPTER_ID, IP_ADAPTER_SCALE, IP_ADAPTER_IMAGE, ENHANCE_PROMPT, SAFETY_CHECKER, SAFETY_CHECKER_TYPE,
            TEMP, LOADBALANCER, WEBHOOK, TRACK_ID);

    /** How a value is written into the JSON body. */
    public enum Encoding {
        /** A JSON string: text and choices as they are, integers in decimal ({@code "512"}). */
        STRING,
        /** A JSON number. */
        NUMBER,
        /** The string {@code "yes"} or {@code "no"}. */
        YES_NO,
        /** A JSON number, or {@code null} when unset (the seed: null asks for a random one). */
        NUMBER_OR_NULL
    }

    /** What a text value must look like. */
    public enum Format {
        PLAIN,
        /** An {@code http://} or {@code https://} address. */
        URL,
        /** Comma-separated ids, e.g. {@code contrast-fix,yae-miko-genshin}. */
        COMMA_LIST,
        /** Comma-separated numbers, each within {@link FieldSpec#min()}..{@link FieldSpec#max()}. */
        DECIMAL_LIST
    }

    /**
     * One field as an endpoint takes it.
     *
     * @param field         the field
     * @param wireNames     its names in the body; usually one, two where the pages disagree (v6 steps)
     * @param encoding      how the value is written
     * @param format        for text: what it must look like
     * @param min           inclusive lower limit of a number (of each number in a DECIMAL_LIST), or null
     * @param max           inclusive upper limit, or null
     * @param allowedValues for integers: the only values taken (e.g. steps 21, 31, 41, 51), empty for any in range
     * @param choices       for choices: the values taken, spelled as on the wire
     * @param defaultValue  what {@link InpaintParameters#defaults} sets, or null for "not sent unless set"
     * @param required      the endpoint refuses a request without it
     * @param alwaysSent    sent even when unset: {@code negative_prompt} as {@code ""} (else the server
     *                      adds its own long negative prompt) and {@code seed} as {@code null}
     */
    public record FieldSpec(ApiField field, List<String> wireNames, Encoding encoding, Format format,
                            Double min, Double max, List<Integer> allowedValues, List<String> choices,
                            Object defaultValue, boolean required, boolean alwaysSent) {
        public FieldSpec {
            Objects.requireNonNull(field, "field");
            wireNames = List.copyOf(wireNames);
            allowedValues = List.copyOf(allowedValues);
            choices = List.copyOf(choices);
            if (wireNames.isEmpty()) {
                throw new IllegalArgumentException("no wire name for " + field);
            }
        }

        /** The first (main) wire name. */
        public String wireName() {
            return wireNames.get(0);
        }

        /** The limit in words, e.g. "between 1 and 20" or "one of 21, 31, 41" ("" when there is none). */
        public String limitText() {
            if (!allowedValues.isEmpty()) {
                return "one of " + allowedValues.stream().map(String::valueOf).collect(Collectors.joining(", "));
            }
            if (!choices.isEmpty()) {
                return "one of " + String.join(", ", choices);
            }
            if (min != null && max != null) {
                return "between " + number(min) + " and " + number(max);
            }
            if (min != null) {
                return "at least " + number(min);
            }
            if (max != null) {
                return "at most " + number(max);
            }
            return "";
        }

        private boolean sameLimits(FieldSpec other) {
            return Objects.equals(min, other.min) && Objects.equals(max, other.max)
                    && allowedValues.equals(other.allowedValues) && choices.equals(other.choices);
        }
    }

    private final Endpoint endpoint;
    private final Map<ApiField, FieldSpec> specs;
    private final List<FieldSpec> ordered;

    private EndpointProfile(Endpoint endpoint, Map<ApiField, FieldSpec> specs) {
        this.endpoint = endpoint;
        Map<ApiField, FieldSpec> copy = new EnumMap<>(ApiField.class);
        copy.putAll(specs);
        this.specs = Collections.unmodifiableMap(copy);
        List<FieldSpec> list = new ArrayList<>();
        for (ApiField f : ARTIST_ORDER) {
            if (copy.containsKey(f)) {
                list.add(copy.get(f));
            }
        }
        if (list.size() != copy.size()) {
            throw new IllegalStateException("ARTIST_ORDER misses a field of " + endpoint);
        }
        this.ordered = List.copyOf(list);
    }

    // ---- the five profiles -------------------------------------------------------------------------

    static EndpointProfile of(Endpoint endpoint) {
        return Profiles.ALL.get(endpoint);
    }

    /** Built on first use, after {@link Endpoint} is initialised (profiles refer to its constants). */
    private static final class Profiles {
        static final Map<Endpoint, EndpointProfile> ALL = build();

        private static Map<Endpoint, EndpointProfile> build() {
            Map<Endpoint, EndpointProfile> all = new EnumMap<>(Endpoint.class);
            for (EndpointProfile p : List.of(v3(), v4(), v6(), enterprise(), pony())) {
                all.put(p.endpoint, p);
            }
            return Collections.unmodifiableMap(all);
        }
    }

    /*
     * v3 (/api/v3/inpaint, fixed model: no model_id). Its table lists prompt, negative_prompt,
     * samples, num_inference_steps (21, 31, 41, 51), safety_checker, enhance_prompt, guidance_scale,
     * strength, seed, webhook, track_id (plus key, images, size, base64). Ambiguous: its example sends
     * "num_inference_steps": "30", which the table does not allow; the table wins, 31 is the default.
     * No scheduler, safety_checker_type, lora, clip_skip or temp on this page, so none is sent.
     */
    private static EndpointProfile v3() {
        return new Builder(Endpoint.V3)
                .standard(PROMPT, NEGATIVE_PROMPT, SAMPLES, GUIDANCE_SCALE, STRENGTH, SEED, SAFETY_CHECKER,
                        ENHANCE_PROMPT, WEBHOOK, TRACK_ID)
                .steps(List.of("num_inference_steps"), null, null, List.of(21, 31, 41, 51), 31)
                .build();
    }

    /*
     * v4 dreambooth (/api/v4/dreambooth/inpaint): "steps", 1-50. Ambiguous: embeddings_model is in
     * every example body but not in the table; it is supported (the examples are what the server
     * was seen to take). The Python example leaves out model_id, which the table requires. The
     * example's null lora/vae values are "unset" here: not sent.
     */
    private static EndpointProfile v4() {
        return new Builder(Endpoint.V4_DREAMBOOTH)
                .standard(MODEL_ID, PROMPT, NEGATIVE_PROMPT, SAMPLES, GUIDANCE_SCALE, STRENGTH, SEED, SCHEDULER,
                        SAFETY_CHECKER, SAFETY_CHECKER_TYPE, ENHANCE_PROMPT, TOMESD, USE_KARRAS_SIGMAS, ALGORITHM_TYPE,
                        VAE, LORA_MODEL, LORA_STRENGTH, EMBEDDINGS_MODEL, CLIP_SKIP, TEMP, WEBHOOK, TRACK_ID)
                .steps(List.of("steps"), 1, 50, List.of(), 31)
                .build();
    }

    /*
     * v6 images (/api/v6/images/inpaint). Ambiguous: the example says "steps", the schema
     * "num_inference_steps": both are sent with the same value. The schema says 1-20 (higher values
     * capped at 20) with a default of 31, older pages 21/31/41: steps are accepted from 1 to 50, the
     * range of the other endpoints, because the server caps rather than refuses and an artist moving
     * between endpoints keeps the same numbers; the default is 21, as in the example. The schema has
     * no tomesd, embeddings_model or loadbalancer (none sent) but does have enhance_prompt,
     * safety_checker_type, algorithm_type, clip_skip, temp and the ip_adapter_* fields, which the
     * example leaves out. Its schema types flags as booleans and lora_strength as an integer; the
     * examples' "yes"/"no" strings and a comma-separated string are sent (PROTOCOL.md).
     */
    private static EndpointProfile v6() {
        return new Builder(Endpoint.V6_IMAGES)
                .standard(MODEL_ID, PROMPT, NEGATIVE_PROMPT, SAMPLES, GUIDANCE_SCALE, STRENGTH, SEED, SCHEDULER,
                        SAFETY_CHECKER, SAFETY_CHECKER_TYPE, ENHANCE_PROMPT, USE_KARRAS_SIGMAS, ALGORITHM_TYPE, VAE,
                        LORA_MODEL, LORA_STRENGTH, CLIP_SKIP, TEMP, IP_ADAPTER_ID, IP_ADAPTER_SCALE, IP_ADAPTER_IMAGE,
                        WEBHOOK, TRACK_ID)
                .steps(List.of("steps", "num_inference_steps"), 1, 50, List.of(), 21)
                .build();
    }

    /*
     * enterprise (/api/v1/enterprise/inpaint). Ambiguous: the table and the raw body say
     * num_inference_steps (1-50), the language examples "steps"; num_inference_steps is sent
     * (PROTOCOL.md; a newer page allows only 21/31/41, all inside 1-50). Like v4, embeddings_model is
     * only in the examples and is supported. loadbalancer is this endpoint's alone.
     */
    private static EndpointProfile enterprise() {
        return new Builder(Endpoint.ENTERPRISE)
                .standard(MODEL_ID, PROMPT, NEGATIVE_PROMPT, SAMPLES, GUIDANCE_SCALE, STRENGTH, SEED, SCHEDULER,
                        SAFETY_CHECKER, SAFETY_CHECKER_TYPE, ENHANCE_PROMPT, TOMESD, USE_KARRAS_SIGMAS, ALGORITHM_TYPE,
                        VAE, LORA_MODEL, LORA_STRENGTH, EMBEDDINGS_MODEL, CLIP_SKIP, TEMP, LOADBALANCER, WEBHOOK, TRACK_ID)
                .steps(List.of("num_inference_steps"), 1, 50, List.of(), 31)
                .build();
    }

    /*
     * enterprise pony (/api/v1/enterprise/pony/inpaint): num_inference_steps 21, 31 or 41; its own 15
     * schedulers. Ambiguous: the page has the load-balancer info box of the enterprise page but no
     * loadbalancer parameter in its table or body, so none is sent; embeddings_model is in neither,
     * so none is sent either. Its example sends "30" steps, which its table does not allow (31 is the
     * default). enhance_prompt, safety_checker_type, algorithm_type, clip_skip, base64 and temp are
     * in the table only, and supported.
     */
    private static EndpointProfile pony() {
        return new Builder(Endpoint.ENTERPRISE_PONY)
                .standard(MODEL_ID, PROMPT, NEGATIVE_PROMPT, SAMPLES, GUIDANCE_SCALE, STRENGTH, SEED,
                        SAFETY_CHECKER, SAFETY_CHECKER_TYPE, ENHANCE_PROMPT, TOMESD, USE_KARRAS_SIGMAS, ALGORITHM_TYPE,
                        VAE, LORA_MODEL, LORA_STRENGTH, CLIP_SKIP, TEMP, WEBHOOK, TRACK_ID)
                .steps(List.of("num_inference_steps"), null, null, List.of(21, 31, 41), 31)
                .scheduler(PONY_SCHEDULERS)
                .build();
    }

    private static final class Builder {
        private final Endpoint endpoint;
        private final Map<ApiField, FieldSpec> specs = new EnumMap<>(ApiField.class);

        Builder(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        Builder standard(ApiField... fields) {
            for (ApiField f : fields) {
                specs.put(f, standardSpec(f));
            }
            return this;
        }

        Builder steps(List<String> wireNames, Integer min, Integer max, List<Integer> allowed, int defaultSteps) {
            specs.put(STEPS, new FieldSpec(STEPS, wireNames, Encoding.STRING, Format.PLAIN,
                    min == null ? null : min.doubleValue(), max == null ? null : max.doubleValue(), allowed, List.of(),
                    defaultSteps, false, false));
            return this;
        }

        Builder scheduler(List<String> choices) {
            specs.put(SCHEDULER, choice(SCHEDULER, "scheduler", choices));
            return this;
        }

        EndpointProfile build() {
            if (!specs.containsKey(STEPS)) {
                throw new IllegalStateException(endpoint + " has no steps");
            }
            return new EndpointProfile(endpoint, specs);
        }

        /** A field as all endpoints that have it take it (the common limits of PROTOCOL.md). */
        private static FieldSpec standardSpec(ApiField f) {
            switch (f) {
                case MODEL_ID:
                    return new FieldSpec(f, List.of("model_id"), Encoding.STRING, Format.PLAIN, null, null,
                            List.of(), List.of(), null, true, false);
                case PROMPT:
                    return text(f, "prompt", Format.PLAIN, "", false);
                case NEGATIVE_PROMPT:
                    return text(f, "negative_prompt", Format.PLAIN, "", true);
                case SAMPLES:
                    return integer(f, "samples", 1, 4, 1);
                case GUIDANCE_SCALE:
                    return decimal(f, "guidance_scale", 1, 20, 7.5);
                case STRENGTH:
                    return decimal(f, "strength", 0, 1, 0.7);
                case SEED:
                    return new FieldSpec(f, List.of("seed"), Encoding.NUMBER_OR_NULL, Format.PLAIN, 0.0,
                            (double) MAX_SEED, List.of(), List.of(), null, false, true);
                case SCHEDULER:
                    return choice(f, "scheduler", SCHEDULERS);
                case SAFETY_CHECKER:
                    return yesNo(f, "safety_checker", false);
                case SAFETY_CHECKER_TYPE:
                    return choice(f, "safety_checker_type", SAFETY_CHECKER_TYPES);
                case ENHANCE_PROMPT:
                    // The server's default is "yes", which rewrites the prompt: the client asks for "no".
                    return yesNo(f, "enhance_prompt", false);
                case TOMESD:
                    return yesNo(f, "tomesd", null);
                case USE_KARRAS_SIGMAS:
                    return yesNo(f, "use_karras_sigmas", null);
                case ALGORITHM_TYPE:
                    return choice(f, "algorithm_type", ALGORITHM_TYPES);
                case VAE:
                    return text(f, "vae", Format.PLAIN, null, false);
                case LORA_MODEL:
                    return text(f, "lora_model", Format.COMMA_LIST, null, false);
                case LORA_STRENGTH:
                    return new FieldSpec(f, List.of("lora_strength"), Encoding.STRING, Format.DECIMAL_LIST, 0.1, 1.0,
                            List.of(), List.of(), null, false, false);
                case EMBEDDINGS_MODEL:
                    return text(f, "embeddings_model", Format.PLAIN, null, false);
                case CLIP_SKIP:
                    return integer(f, "clip_skip", 1, 8, null);
                case TEMP:
                    return yesNo(f, "temp", null);
                case LOADBALANCER:
                    return yesNo(f, "loadbalancer", null);
                case IP_ADAPTER_ID:
                    return choice(f, "ip_adapter_id", IP_ADAPTER_IDS);
                case IP_ADAPTER_SCALE:
                    return decimal(f, "ip_adapter_scale", 0, 1, null);
                case IP_ADAPTER_IMAGE:
                    return text(f, "ip_adapter_image", Format.URL, null, false);
                case WEBHOOK:
                    return text(f, "webhook", Format.URL, null, false);
                case TRACK_ID:
                    return text(f, "track_id", Format.PLAIN, null, false);
                default:
                    throw new IllegalArgumentException("no standard spec for " + f);
            }
        }

        private static FieldSpec text(ApiField f, String wire, Format format, String defaultValue, boolean alwaysSent) {
            return new FieldSpec(f, List.of(wire), Encoding.STRING, format, null, null, List.of(), List.of(),
                    defaultValue, false, alwaysSent);
        }

        private static FieldSpec integer(ApiField f, String wire, int min, int max, Integer defaultValue) {
            return new FieldSpec(f, List.of(wire), Encoding.STRING, Format.PLAIN, (double) min, (double) max,
                    List.of(), List.of(), defaultValue, false, false);
        }

        private static FieldSpec decimal(ApiField f, String wire, double min, double max, Double defaultValue) {
            return new FieldSpec(f, List.of(wire), Encoding.NUMBER, Format.PLAIN, min, max, List.of(), List.of(),
                    defaultValue, false, false);
        }

        private static FieldSpec yesNo(ApiField f, String wire, Boolean defaultValue) {
            return new FieldSpec(f, List.of(wire), Encoding.YES_NO, Format.PLAIN, null, null, List.of(), List.of(),
                    defaultValue, false, false);
        }

        private static FieldSpec choice(ApiField f, String wire, List<String> choices) {
            return new FieldSpec(f, List.of(wire), Encoding.STRING, Format.PLAIN, null, null, List.of(), choices,
                    null, false, false);
        }
    }

    // ---- reading the profile -----------------------------------------------------------------------

    public Endpoint endpoint() {
        return endpoint;
    }

    public String path() {
        return endpoint.path();
    }

    public Endpoint.FetchStyle fetchStyle() {
        return endpoint.fetchStyle();
    }

    /** Whether polling names the job as {@code request_id} in the body (else in the fetch path). */
    public boolean fetchTakesRequestId() {
        return endpoint.fetchStyle() == Endpoint.FetchStyle.REQUEST_ID_IN_BODY;
    }

    public String fetchPath(String id) {
        return endpoint.fetchPath(id);
    }

    /** The fields this endpoint takes, in the order an artist would see them. */
    public List<FieldSpec> specs() {
        return ordered;
    }

    /** The fields this endpoint takes, in the order an artist would see them. */
    public List<ApiField> fields() {
        return ordered.stream().map(FieldSpec::field).toList();
    }

    public boolean has(ApiField field) {
        return specs.containsKey(field);
    }

    public Optional<FieldSpec> spec(ApiField field) {
        return Optional.ofNullable(specs.get(field));
    }

    /** The values {@link InpaintParameters#defaults} starts from, in field order. */
    public Map<ApiField, Object> defaults() {
        Map<ApiField, Object> out = new LinkedHashMap<>();
        for (FieldSpec s : ordered) {
            if (s.defaultValue() != null) {
                out.put(s.field(), s.defaultValue());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    // ---- parsing -----------------------------------------------------------------------------------

    /**
     * The typed value of text as typed in a form or on the command line, checked against this
     * endpoint's limits: String, Integer, Double, Boolean (yes/no, true/false, on/off, 1/0) or Long.
     * Blank text means "unset" and gives null, except for the prompts, which give {@code ""}; a seed
     * may also be {@code random}. Choices match in any case and come back spelled as on the wire.
     *
     * @throws InvalidParameterException naming the field and the limit, also when this endpoint
     *                                   lacks the field or it is required and blank
     */
    public Object parse(ApiField field, String text) {
        FieldSpec spec = specs.get(field);
        if (spec == null) {
            throw new InvalidParameterException(field, notTaken(field));
        }
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            if (field == PROMPT || field == NEGATIVE_PROMPT) {
                return "";
            }
            if (spec.required()) {
                throw new InvalidParameterException(field, required(field));
            }
            return null;
        }
        Object value;
        switch (field.type()) {
            case TEXT:
                value = field == PROMPT || field == NEGATIVE_PROMPT ? text : s;
                break;
            case INTEGER:
                try {
                    value = Integer.valueOf(s);
                } catch (NumberFormatException e) {
                    throw new InvalidParameterException(field, limitMessage(spec, "a whole number "));
                }
                break;
            case DECIMAL:
                try {
                    value = Double.valueOf(s.replace(',', '.'));
                } catch (NumberFormatException e) {
                    throw new InvalidParameterException(field, limitMessage(spec, "a number "));
                }
                break;
            case YES_NO:
                value = yesNo(s);
                if (value == null) {
                    throw new InvalidParameterException(field, field.label() + " must be yes or no.");
                }
                break;
            case CHOICE:
                value = spec.choices().stream().filter(c -> c.equalsIgnoreCase(s)).findFirst()
                        .orElseThrow(() -> new InvalidParameterException(field, limitMessage(spec, "")));
                break;
            case SEED:
                if (s.equalsIgnoreCase("random")) {
                    return null;
                }
                try {
                    value = Long.valueOf(s);
                } catch (NumberFormatException e) {
                    throw new InvalidParameterException(field, seedMessage());
                }
                break;
            default:
                throw new IllegalStateException(field.type().toString());
        }
        String problem = check(spec, value);
        if (problem != null) {
            throw new InvalidParameterException(field, problem);
        }
        return value;
    }

    private static Boolean yesNo(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "yes": case "y": case "true": case "on": case "1":
                return Boolean.TRUE;
            case "no": case "n": case "false": case "off": case "0":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    // ---- validation --------------------------------------------------------------------------------

    /**
     * Everything that stops these parameters from being sent to this endpoint at this size, one
     * sentence each; empty when the request can go. Fields this endpoint lacks are refused (they
     * would never be sent), required ones must be set, every value must be within its limits,
     * {@code lora_strength} needs one value per {@code lora_model} entry. The size is reported with
     * a null {@link FieldProblem#field()} and the wire name {@code width} or {@code height}: at most
     * {@value #MIN_SIDE} to {@value #MAX_SIDE} and a multiple of {@value #SIDE_MULTIPLE}.
     */
    public List<FieldProblem> validate(InpaintParameters parameters, int width, int height) {
        List<FieldProblem> out = new ArrayList<>();
        Map<ApiField, Object> values = parameters.values();
        for (FieldSpec spec : ordered) {
            Object value = values.get(spec.field());
            if (isUnset(spec.field(), value)) {
                if (spec.required()) {
                    out.add(problem(spec.field(), required(spec.field())));
                }
                continue;
            }
            String message = check(spec, value);
            if (message != null) {
                out.add(problem(spec.field(), message));
            }
        }
        for (Map.Entry<ApiField, Object> e : values.entrySet()) {
            if (!specs.containsKey(e.getKey()) && !isUnset(e.getKey(), e.getValue())) {
                out.add(problem(e.getKey(), notTaken(e.getKey())));
            }
        }
        if (specs.containsKey(LORA_STRENGTH) && !isUnset(LORA_STRENGTH, values.get(LORA_STRENGTH))) {
            int strengths = items(values.get(LORA_STRENGTH)).size();
            Object models = values.get(LORA_MODEL);
            int modelCount = isUnset(LORA_MODEL, models) ? 0 : items(models).size();
            if (strengths != modelCount) {
                out.add(problem(LORA_STRENGTH, "LoRA strengths must have one value per LoRA model ("
                        + plural(modelCount, "model") + ", " + plural(strengths, "strength") + ")."));
            }
        }
        sideProblem("width", "Width", width, out);
        sideProblem("height", "Height", height, out);
        return out;
    }

    private static void sideProblem(String wire, String label, int side, List<FieldProblem> out) {
        if (side < MIN_SIDE || side > MAX_SIDE || side % SIDE_MULTIPLE != 0) {
            out.add(FieldProblem.size(wire, label + " must be a multiple of " + SIDE_MULTIPLE + " from "
                    + MIN_SIDE + " to " + MAX_SIDE + " pixels (it is " + side + ")."));
        }
    }

    private FieldProblem problem(ApiField field, String message) {
        FieldSpec spec = specs.get(field);
        return new FieldProblem(field, spec == null ? field.name().toLowerCase(Locale.ROOT) : spec.wireName(), message);
    }

    /** A null, or a blank string other than a prompt, is "not set": not sent, not checked. */
    static boolean isUnset(ApiField field, Object value) {
        if (value == null) {
            return true;
        }
        return value instanceof String s && s.isBlank() && field != PROMPT && field != NEGATIVE_PROMPT;
    }

    /** The problem with one set value, or null when it is fine. */
    private String check(FieldSpec spec, Object value) {
        ApiField field = spec.field();
        if (!field.type().javaType().isInstance(value)) {
            return field.label() + " must be given as " + field.type().javaType().getSimpleName() + ", not "
                    + value.getClass().getSimpleName() + ".";
        }
        switch (field.type()) {
            case INTEGER: {
                int v = (Integer) value;
                if (!spec.allowedValues().isEmpty() ? !spec.allowedValues().contains(v) : !inRange(spec, v)) {
                    return limitMessage(spec, "");
                }
                return null;
            }
            case DECIMAL: {
                double v = (Double) value;
                return Double.isFinite(v) && inRange(spec, v) ? null : limitMessage(spec, "");
            }
            case SEED: {
                long v = (Long) value;
                return inRange(spec, v) ? null : seedMessage();
            }
            case CHOICE:
                return spec.choices().contains(value) ? null : limitMessage(spec, "");
            case YES_NO:
                return null;
            case TEXT:
                return checkText(spec, (String) value);
            default:
                throw new IllegalStateException(field.type().toString());
        }
    }

    private String checkText(FieldSpec spec, String value) {
        String label = spec.field().label();
        switch (spec.format()) {
            case URL: {
                String s = value.strip().toLowerCase(Locale.ROOT);
                boolean ok = (s.startsWith("https://") && s.length() > 8) || (s.startsWith("http://") && s.length() > 7);
                return ok && !value.strip().contains(" ") ? null : label + " must be an http:// or https:// address.";
            }
            case COMMA_LIST:
                return items(value).isEmpty() || value.strip().endsWith(",") || value.contains(",,")
                        ? label + " must be ids separated by commas." : null;
            case DECIMAL_LIST: {
                String each = label + " must each be a number between " + number(spec.min()) + " and "
                        + number(spec.max()) + ", separated by commas.";
                List<String> items = items(value);
                if (items.isEmpty() || value.strip().endsWith(",") || value.contains(",,")) {
                    return each;
                }
                for (String item : items) {
                    try {
                        double d = Double.parseDouble(item);
                        if (!Double.isFinite(d) || !inRange(spec, d)) {
                            return each;
                        }
                    } catch (NumberFormatException e) {
                        return each;
                    }
                }
                return null;
            }
            default:
                return null;
        }
    }

    private static boolean inRange(FieldSpec spec, double v) {
        return (spec.min() == null || v >= spec.min()) && (spec.max() == null || v <= spec.max());
    }

    private static List<String> items(Object commaSeparated) {
        return Arrays.stream(String.valueOf(commaSeparated).split(","))
                .map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    // ---- messages ----------------------------------------------------------------------------------

    /** "Steps must be one of 21, 31, 41, 51 for v3." — "for ..." only when endpoints differ on it. */
    private String limitMessage(FieldSpec spec, String kind) {
        String where = limitsDifferAcrossEndpoints(spec) ? " for " + endpoint.displayName() : "";
        return spec.field().label() + " must be " + kind + spec.limitText() + where + ".";
    }

    private static boolean limitsDifferAcrossEndpoints(FieldSpec spec) {
        for (EndpointProfile p : Profiles.ALL.values()) {
            FieldSpec other = p.specs.get(spec.field());
            if (other != null && !other.sameLimits(spec)) {
                return true;
            }
        }
        return false;
    }

    private String notTaken(ApiField field) {
        return field.label() + " is not a parameter of " + endpoint.displayName() + ", so it cannot be sent there.";
    }

    private String required(ApiField field) {
        return field.label() + " is required for " + endpoint.displayName() + ".";
    }

    private static String seedMessage() {
        return "Seed must be a whole number from 0 to " + MAX_SEED + ", or empty for random.";
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    // ---- the wire ----------------------------------------------------------------------------------

    /**
     * Everything sent to this endpoint except the key and the two images, by wire name, in field
     * order, then {@code width}, {@code height} and {@code base64}: the values as JSON would carry
     * them (String, Integer, Long, Double, or null for a random seed). Fields this endpoint lacks and
     * unset fields are left out, except {@code negative_prompt} ({@code ""}) and {@code seed}
     * ({@code null}). {@code base64} is always {@code "yes"}: the images are sent as raw base64.
     * Does not validate; see {@link #validate}.
     */
    public Map<String, Object> wireParameters(InpaintParameters parameters, int width, int height) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldSpec spec : ordered) {
            Object value = parameters.values().get(spec.field());
            Object encoded;
            if (isUnset(spec.field(), value)) {
                if (!spec.alwaysSent()) {
                    continue;
                }
                encoded = spec.encoding() == Encoding.STRING ? "" : null;
            } else {
                encoded = encode(spec, value);
            }
            for (String wire : spec.wireNames()) {
                out.put(wire, encoded);
            }
        }
        out.put("width", Integer.toString(width));
        out.put("height", Integer.toString(height));
        out.put("base64", "yes");
        return Collections.unmodifiableMap(out);
    }

    private static Object encode(FieldSpec spec, Object value) {
        switch (spec.encoding()) {
            case STRING:
                // Prompts go as typed; ids, links and other text without stray spaces.
                String text = String.valueOf(value);
                return spec.field() == PROMPT || spec.field() == NEGATIVE_PROMPT ? text : text.strip();
            case YES_NO:
                return Boolean.TRUE.equals(value) ? "yes" : "no";
            case NUMBER:
            case NUMBER_OR_NULL:
                return value;
            default:
                throw new IllegalStateException(spec.encoding().toString());
        }
    }

    @Override
    public String toString() {
        return "EndpointProfile[" + endpoint.cliName() + ": " + ordered.stream()
                .map(FieldSpec::wireName).collect(Collectors.joining(", ")) + "]";
    }
}
