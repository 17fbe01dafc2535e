package org.sonocine;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of DESIGN.md, checked: ui -> cine -> study -> imaging -> dicom, cli over study (and cine, for the
 * playback benchmark, which must run the viewer's own pipeline); export beside cine, over study, for ui and cli;
 * remote (the DICOMweb client) over dicom alone, for study, ui and cli; JavaFX only in ui.
 */
@AnalyzeClasses(packages = "org.sonocine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layersPointOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
            .layer("app").definedBy("org.sonocine", "org.sonocine.app..")
            .layer("ui").definedBy("org.sonocine.ui..")
            .layer("cli").definedBy("org.sonocine.cli..")
            .layer("export").definedBy("org.sonocine.export..")
            .layer("cine").definedBy("org.sonocine.cine..")
            .layer("study").definedBy("org.sonocine.study..")
            .layer("remote").definedBy("org.sonocine.remote..")
            .layer("imaging").definedBy("org.sonocine.imaging..")
            .layer("dicom").definedBy("org.sonocine.dicom..")
            .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
            .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
            .whereLayer("export").mayOnlyBeAccessedByLayers("ui", "cli")
            .whereLayer("cine").mayOnlyBeAccessedByLayers("ui", "cli")
            .whereLayer("study").mayOnlyBeAccessedByLayers("cine", "export", "ui", "cli")
            .whereLayer("remote").mayOnlyBeAccessedByLayers("study", "ui", "cli")
            .whereLayer("imaging").mayOnlyBeAccessedByLayers("study", "cine", "export", "ui", "cli")
            .whereLayer("dicom").mayOnlyBeAccessedByLayers("imaging", "remote", "study", "cine", "export", "ui", "cli");

    /** The DICOMweb client is a source of data sets and frames beside local files: it knows only dicom. */
    @ArchTest
    static final ArchRule theRemoteClientKnowsOnlyDicom = noClasses().that().resideInAPackage("org.sonocine.remote..")
            .should().dependOnClassesThat().resideInAnyPackage("org.sonocine.imaging..", "org.sonocine.study..",
                    "org.sonocine.cine..", "org.sonocine.export..", "org.sonocine.ui..", "org.sonocine.cli..",
                    "org.sonocine.app..");

    @ArchTest
    static final ArchRule onlyTheUiUsesJavaFx = noClasses().that().resideOutsideOfPackage("org.sonocine.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    /** View models hand work to a TaskExecutor, so they run without a toolkit: in tests, on the caller's thread. */
    @ArchTest
    static final ArchRule viewModelsDoNotScheduleOnTheToolkit = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().belongToAnyOf(javafx.application.Platform.class)
            .orShould().dependOnClassesThat().resideInAPackage("javafx.concurrent..");

    /** The task layer is the toolkit-free core the view models rely on. */
    @ArchTest
    static final ArchRule theTaskLayerKnowsNoToolkit = noClasses().that().resideInAPackage("org.sonocine.ui.task..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("org.sonocine.(*)..").should().beFreeOfCycles();

    /** Each package on its own, so that a cycle inside a layer (imaging and its codecs) shows too. */
    @ArchTest
    static final ArchRule subPackagesHaveNoCycles = slices().matching("org.sonocine.(**)").should()
            .beFreeOfCycles();
}
