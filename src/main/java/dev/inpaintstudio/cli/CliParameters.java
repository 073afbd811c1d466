package dev.inpaintstudio.cli;

import dev.inpaintstudio.modelslab.ApiField;
import dev.inpaintstudio.modelslab.Endpoint;
import dev.inpaintstudio.modelslab.EndpointProfile;
import dev.inpaintstudio.modelslab.InpaintParameters;
import dev.inpaintstudio.modelslab.InvalidParameterException;

import java.util.Map;

/** Turns {@code --name value} options into request parameters, through the endpoint's profile. */
final class CliParameters {
    private CliParameters() {
    }

    static InpaintParameters build(Endpoint endpoint, Map<String, String> options) throws UsageException {
        EndpointProfile profile = endpoint.profile();
        InpaintParameters parameters = InpaintParameters.defaults(endpoint);
        for (Map.Entry<String, String> option : options.entrySet()) {
            ApiField field = ApiField.fromOptionName(option.getKey());
            if (field == null) {
                throw new UsageException("Unknown option --" + option.getKey() + ". See --help --endpoint " + endpoint.cliName() + ".");
            }
            try {
                parameters = parameters.with(field, profile.parse(field, option.getValue()));
            } catch (InvalidParameterException e) {
                throw new UsageException(e.getMessage(), ExitCode.REFUSED);
            }
        }
        return parameters;
    }
}
