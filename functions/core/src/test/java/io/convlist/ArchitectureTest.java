package io.convlist;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core's layout, as the README draws it: the store's facade on top, then one package per
 * feature, then the item shapes and the table edge; the views callers see (view) beside it; the domain
 * below it all, free of the SDK and of the views.
 * A dependency that runs the other way, or a cycle between packages, fails here.
 */
class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.convlist");

    /** A package that grows past this is a sign it holds more than one concern. */
    private static final int MAX_CLASSES_PER_PACKAGE = 25;

    @Test
    void storePackages_dependOnlyDownward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("facade").definedBy("io.convlist.store")
                .layer("message").definedBy("io.convlist.store.message..")
                .layer("group").definedBy("io.convlist.store.group..")
                .layer("peer").definedBy("io.convlist.store.peer..")
                .layer("list").definedBy("io.convlist.store.list..")
                .layer("usage").definedBy("io.convlist.store.usage..")
                .layer("device").definedBy("io.convlist.store.device..")
                .layer("app").definedBy("io.convlist.store.app..")
                .layer("item").definedBy("io.convlist.store.item..")
                .layer("table").definedBy("io.convlist.store.table..")
                .whereLayer("facade").mayNotBeAccessedByAnyLayer()
                .whereLayer("message").mayOnlyBeAccessedByLayers("facade")
                .whereLayer("group").mayOnlyBeAccessedByLayers("facade", "message")
                .whereLayer("peer").mayOnlyBeAccessedByLayers("facade")
                .whereLayer("list").mayOnlyBeAccessedByLayers("facade", "message", "group", "peer")
                .whereLayer("usage").mayOnlyBeAccessedByLayers("facade")
                .whereLayer("device").mayOnlyBeAccessedByLayers("facade")
                .whereLayer("app").mayOnlyBeAccessedByLayers("facade", "message", "group", "peer", "list")
                .whereLayer("item").mayOnlyBeAccessedByLayers("facade", "message", "group", "peer", "list", "usage", "app")
                .check(CORE);
    }

    @Test
    void packages_haveNoCyclesBetweenThem() {
        slices().matching("io.convlist.(**)").should().beFreeOfCycles().check(CORE);
    }

    /** The rules know nothing of how callers see a conversation (view: the wire shapes, with Tencent's field names). */
    @Test
    void domain_knowsNeitherTheStoreNorTheViewNorTheSdk() {
        noClasses().that().resideInAPackage("io.convlist.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.convlist.store..", "io.convlist.view..", "software.amazon..",
                        "io.quarkus..")
                .check(CORE);
    }

    @Test
    void onlyTheStore_usesTheSdk() {
        noClasses().that().resideOutsideOfPackage("io.convlist.store..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon..")
                .check(CORE);
    }

    @Test
    void everyPackage_holdsAtMost25Classes() {
        Map<String, Integer> sizes = new TreeMap<>();
        for (JavaClass c : CORE) {
            if (c.isTopLevelClass()) {
                sizes.merge(c.getPackageName(), 1, Integer::sum);
            }
        }
        assertThat(sizes).isNotEmpty();
        assertThat(sizes).allSatisfy((pkg, n) -> assertThat(n).as(pkg).isLessThanOrEqualTo(MAX_CLASSES_PER_PACKAGE));
    }
}
