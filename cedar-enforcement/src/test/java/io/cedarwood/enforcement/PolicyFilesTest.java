package io.cedarwood.enforcement;

import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.PolicySet;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyFilesTest {

    private static PolicySource file(String name, String text) {
        return new PolicySource(name, text);
    }

    @Test
    void idsAreTheIdAnnotationElseCountedAcrossFiles() {
        PolicySet set = PolicyFiles.policies(List.of(
                file("a.cedar", "permit(principal, action, resource);\n@id(\"named\") forbid(principal, action, resource);"),
                file("b.cedar", "permit(principal, action, resource);")));
        assertThat(set.policies()).extracting(p -> p.id().value()).containsExactly("policy0", "named", "policy2");
    }

    @Test
    void templatesKeepTheirPlaceInSourceOrder() {
        PolicySet set = PolicyFiles.policies(List.of(file("a.cedar", """
                permit(principal == ?principal, action, resource);
                @id("second") permit(principal, action, resource);
                permit(principal, action, resource == ?resource);
                forbid(principal, action, resource);
                """)));
        assertThat(set.templates()).extracting(p -> p.id().value()).containsExactly("policy0", "policy2");
        assertThat(set.policies()).extracting(p -> p.id().value()).containsExactly("second", "policy3");
        assertThat(set.toCedar().indexOf("?principal")).isLessThan(set.toCedar().indexOf("@id(\"second\")"));
    }

    @Test
    void twoPoliciesWithOneIdNameBothFiles() {
        assertThatThrownBy(() -> PolicyFiles.policies(List.of(
                file("a.cedar", "@id(\"x\") permit(principal, action, resource);"),
                file("b.cedar", "@id(\"x\") forbid(principal, action, resource);"))))
                .isInstanceOf(PolicyLoadException.class)
                .hasMessageContaining("`x`").hasMessageContaining("`a.cedar`").hasMessageContaining("`b.cedar`");
    }

    @Test
    void anIdAnnotationEqualToACountedIdIsAnError() {
        assertThatThrownBy(() -> PolicyFiles.policies(List.of(
                file("a.cedar", "permit(principal, action, resource);\n@id(\"policy0\") forbid(principal, action, resource);"))))
                .isInstanceOf(PolicyLoadException.class).hasMessageContaining("`policy0`");
    }

    @Test
    void aSyntaxErrorNamesTheFile() {
        assertThatThrownBy(() -> PolicyFiles.policies(List.of(file("bad.cedar", "permit(principal, action"))))
                .isInstanceOf(PolicyLoadException.class).hasMessageStartingWith("invalid policies in `bad.cedar`");
    }

    @Test
    void generatedFilesGiveTheSamePoliciesAsAddingThemOneByOne() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            List<PolicySource> files = new ArrayList<>();
            int fileCount = 1 + random.nextInt(3);
            int named = 0;
            for (int f = 0; f < fileCount; f++) {
                StringBuilder text = new StringBuilder();
                for (int i = random.nextInt(6); i > 0; i--) {
                    if (random.nextBoolean()) {
                        text.append("@id(\"n").append(named++).append("\") ");
                    }
                    text.append(random.nextBoolean() ? "permit" : "forbid")
                            .append(random.nextInt(4) == 0 ? "(principal == ?principal, action, resource);\n"
                                    : "(principal, action, resource) when { " + random.nextInt(3) + " > 0 };\n");
                }
                files.add(file("f" + f + ".cedar", text.toString()));
            }
            // the slow way the integrations used before: parse each file, renumber, add one by one
            PolicySet expected = PolicySet.EMPTY;
            int counter = 0;
            for (PolicySource s : files) {
                PolicySet parsed = PolicySet.parse(s.text());
                List<Policy> inFile = new ArrayList<>(parsed.policies());
                inFile.addAll(parsed.templates());
                inFile.sort((a, b) -> Integer.compare(Integer.parseInt(a.id().value().substring(6)),
                        Integer.parseInt(b.id().value().substring(6))));
                for (Policy p : inFile) {
                    String id = p.annotations().get("id");
                    expected = expected.add(p.withId(PolicyId.of(id != null ? id : "policy" + (counter + Integer.parseInt(p.id().value().substring(6))))));
                }
                counter += inFile.size();
            }
            PolicySet actual = PolicyFiles.policies(files);
            assertThat(actual.toCedar()).isEqualTo(expected.toCedar());
            assertThat(actual).isEqualTo(expected);
        }
    }
}
