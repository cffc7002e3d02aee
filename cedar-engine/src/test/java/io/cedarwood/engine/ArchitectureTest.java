package io.cedarwood.engine;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's shape, as {@code docs/architecture.md} writes it down: the package arrows of its first
 * table, the public types of the other two, and the rules about the libraries at the edges.
 */
class ArchitectureTest {
    private static final String BASE = "io.cedarwood.engine";
    private static final String ROOT = "(root)";
    private static final Path DOC = Path.of("..", "docs", "architecture.md");
    private static final Pattern NAME = Pattern.compile("`([A-Za-z.]+)`");

    private static JavaClasses classes;
    private static List<List<String>> tables;

    @BeforeAll
    static void load() throws IOException {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
        assertThat(DOC).as("docs/architecture.md, from the engine's folder").isRegularFile();
        tables = tables(Files.readAllLines(DOC));
        assertThat(tables).as("tables in " + DOC).hasSize(3);
    }

    /** Each table of the page as its data rows, one string per row. */
    private static List<List<String>> tables(List<String> lines) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = null;
        for (String line : lines) {
            if (line.startsWith("|---")) {
                current = new ArrayList<>();
                out.add(current);
            } else if (line.startsWith("|") && current != null) {
                current.add(line);
            } else {
                current = null;
            }
        }
        return out;
    }

    private static String cell(String row, int i) {
        return row.split("\\|")[i + 1].trim();
    }

    private static List<String> names(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = NAME.matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String packageOf(String cell) {
        return cell.equals(ROOT) ? ROOT : names(cell).get(0);
    }

    /** The top-level engine package a class belongs to ({@code parser.antlr} belongs to {@code parser}). */
    private static String layer(JavaClass c) {
        String p = c.getPackageName();
        if (p.equals(BASE)) {
            return ROOT;
        }
        String rest = p.substring(BASE.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @Test
    void everyPackageUsesOnlyThePackagesItsRowAllows() {
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        for (String row : tables.get(0)) {
            allowed.put(packageOf(cell(row, 0)), new TreeSet<>(names(cell(row, 2))));
        }
        Set<String> violations = new TreeSet<>();
        for (JavaClass c : classes) {
            String from = layer(c);
            assertThat(allowed).as("a row for package `" + c.getPackageName() + "`").containsKey(from);
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                if (!target.getPackageName().startsWith(BASE)) {
                    continue;
                }
                String to = layer(target);
                if (!to.equals(from) && !(from.equals(ROOT) && !to.equals(ROOT)) && !allowed.get(from).contains(to)) {
                    violations.add(from + " -> " + to + ": " + d.getDescription());
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void nothingInsideImportsTheFacade() {
        noClasses().that().resideOutsideOfPackage(BASE)
                .should().dependOnClassesThat().resideInAPackage(BASE)
                .check(classes);
    }

    @Test
    void generatedParsersAreUsedOnlyByTheirParser() {
        noClasses().that().resideOutsideOfPackages(BASE + ".parser..", BASE + ".format..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".parser.antlr..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage(BASE + ".schema..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".schema.antlr..")
                .check(classes);
    }

    @Test
    void librariesStayAtTheEdges() {
        noClasses().that().resideOutsideOfPackages(BASE + ".json..", BASE + ".schema..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages(BASE + ".parser..", BASE + ".format..", BASE + ".schema..")
                .should().dependOnClassesThat().resideInAPackage("org.antlr..")
                .check(classes);
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages(
                        "java..", BASE + "..", "org.antlr.v4.runtime..", "com.fasterxml.jackson.core..")
                .check(classes);
    }

    @Test
    void publicTypesAreTheOnesThePageLists() {
        Set<String> listed = new TreeSet<>();
        for (List<String> table : tables.subList(1, 3)) {
            for (String row : table) {
                String pkg = packageOf(cell(row, 0));
                for (String name : names(cell(row, 1))) {
                    listed.add((pkg.equals(ROOT) ? BASE : BASE + "." + pkg) + "." + name);
                }
            }
        }
        Set<String> actual = new TreeSet<>();
        for (JavaClass c : classes) {
            if (c.isTopLevelClass() && c.getModifiers().contains(JavaModifier.PUBLIC)
                    && !c.getPackageName().endsWith(".antlr")) {
                actual.add(c.getName());
            }
        }
        assertThat(actual).as("public top-level types (docs/architecture.md lists each one)").isEqualTo(listed);
    }
}
