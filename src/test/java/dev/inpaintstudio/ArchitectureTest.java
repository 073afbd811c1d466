package dev.inpaintstudio;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layering of DESIGN.md, enforced: a shortcut across it fails the build. */
class ArchitectureTest {
    private static JavaClasses appClasses;

    @BeforeAll
    static void importClasses() {
        appClasses = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.inpaintstudio");
    }

    @Test
    void theCoreHasNoJavaFx() {
        noClasses().that().resideInAnyPackage("..imaging..", "..modelslab..", "..local..", "..jobs..", "..task..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(appClasses);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.inpaintstudio.(*)..").should().beFreeOfCycles().check(appClasses);
    }

    @Test
    void imagingDependsOnNothingElseInTheApp() {
        classes().that().resideInAPackage("..imaging..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.inpaintstudio.imaging..", "java..", "javax..")
                .check(appClasses);
    }

    @Test
    void theClientKnowsNothingOfJobsParamsOrViews() {
        noClasses().that().resideInAPackage("..modelslab..")
                .should().dependOnClassesThat().resideInAnyPackage("..jobs..", "..params..", "..editor..", "..gallery..", "..app..", "..settings..")
                .check(appClasses);
    }

    @Test
    void paramsUsesOnlyClientTypesFromTheCore() {
        noClasses().that().resideInAPackage("..params..")
                .should().dependOnClassesThat().resideInAnyPackage("..jobs..", "..gallery..", "..editor..", "..app..", "..local..")
                .check(appClasses);
    }

    @Test
    void settingsDependsOnNoOtherAppPackage() {
        noClasses().that().resideInAPackage("..settings..")
                .should().dependOnClassesThat().resideInAnyPackage("..jobs..", "..gallery..", "..editor..", "..app..", "..params..", "..modelslab..")
                .check(appClasses);
    }
}
