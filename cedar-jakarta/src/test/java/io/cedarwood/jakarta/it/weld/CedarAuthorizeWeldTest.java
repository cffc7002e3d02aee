package io.cedarwood.jakarta.it.weld;

import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.jakarta.CedarAccessDeniedException;
import io.cedarwood.jakarta.cdi.CedarAuthorize;
import io.cedarwood.jakarta.cdi.CedarAuthorizeInterceptor;
import io.cedarwood.jakarta.cdi.CedarBeans;
import io.cedarwood.jakarta.cdi.CedarResource;
import io.cedarwood.jakarta.todo.ListService;
import io.cedarwood.jakarta.todo.SharedTinyTodo;
import io.cedarwood.jakarta.todo.TodoEntities;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code @CedarAuthorize} in Weld: the caller comes from Jakarta Security's {@code SecurityContext}, the
 * policies and schema from the application's producers, the entities from its {@code EntityProvider} bean.
 */
@EnabledIf("io.cedarwood.jakarta.todo.SharedTinyTodo#presentOrRequired")
@ExtendWith(ArquillianExtension.class)
class CedarAuthorizeWeldTest {
    @Deployment
    static JavaArchive deployment() {
        SharedTinyTodo.dir();
        return ShrinkWrap.create(JavaArchive.class, "todo.jar")
                .addClasses(CedarAuthorize.class, CedarResource.class, CedarAuthorizeInterceptor.class, CedarBeans.class)
                .addPackage("io.cedarwood.jakarta.cdi")
                .addClasses(ListService.class, TodoEntities.class, TodoProducers.class, TestSecurityContext.class,
                        SharedTinyTodo.class)
                .addAsManifestResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" bean-discovery-mode=\"all\"/>"), "beans.xml");
    }

    @Inject
    ListService lists;
    @Inject
    TestSecurityContext security;

    @BeforeEach
    void nobody() {
        security.callAs(null);
    }

    @Test
    void ownerMayReadList() {
        security.callAs("kesha");
        assertThat(lists.getList("1")).isEqualTo("list 1");
    }

    @Test
    void deniedCallNeverRunsTheBodyAndCarriesDiagnostics() {
        security.callAs("aaron");
        int before = ListService.BODIES.get();
        assertThatThrownBy(() -> lists.getList("1"))
                .isInstanceOfSatisfying(CedarAccessDeniedException.class, e -> {
                    assertThat(e.decision().principal()).contains(EntityUid.of("User", "aaron"));
                    assertThat(e.decision().action()).contains(EntityUid.of("Action", "GetList"));
                    assertThat(e.decision().resource()).contains(EntityUid.of("List", "1"));
                    assertThat(e.decision().isAuthenticated()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("access denied");
                });
        assertThat(ListService.BODIES.get()).isEqualTo(before);
    }

    @Test
    void unauthenticatedCallerIsDenied() {
        security.callAs(null);
        assertThatThrownBy(() -> lists.lists())
                .isInstanceOfSatisfying(CedarAccessDeniedException.class, e -> {
                    assertThat(e.decision().isAuthenticated()).isFalse();
                    assertThat(e.getMessage()).isEqualTo("not authenticated");
                });
    }

    @Test
    void classAnnotationGuardsUnannotatedMethods() {
        security.callAs("aaron");
        assertThat(lists.lists()).isEqualTo("lists");
    }

    @Test
    void resourceByCedarResourceNameAndContextFromParameter() {
        security.callAs("kesha");
        assertThat(lists.rename("1", "groceries")).isEqualTo("renamed 1 to groceries");
        security.callAs("aaron");
        assertThatThrownBy(() -> lists.rename("1", "mine now")).isInstanceOf(CedarAccessDeniedException.class);
    }

    @Test
    void resourceAsEntityUidParameter() {
        security.callAs("emina");
        assertThat(lists.delete(EntityUid.of("List", "2"))).isEqualTo("deleted 2");
        security.callAs("kesha");
        assertThatThrownBy(() -> lists.delete(EntityUid.of("List", "2"))).isInstanceOf(CedarAccessDeniedException.class);
    }

    @Test
    void rolesBecomeParents() {
        // andrew reads list 1 through Team::"list1-readers" (an entity parent); the role admin adds Team::"admin"
        security.callAs("andrew", "admin");
        assertThat(lists.getList("1")).isEqualTo("list 1");
    }

    @Test
    void throwingEntityProviderFailsClosed() {
        security.callAs("kesha");
        int before = ListService.BODIES.get();
        assertThatThrownBy(() -> lists.getList("boom"))
                .isInstanceOfSatisfying(CedarAccessDeniedException.class,
                        e -> assertThat(e.decision().failure()).hasValueSatisfying(f -> assertThat(f).contains("database down")));
        assertThat(ListService.BODIES.get()).isEqualTo(before);
    }

    @Test
    void expressionNamingNoParameterFailsClosed() {
        security.callAs("kesha");
        assertThatThrownBy(() -> lists.misconfigured("1"))
                .isInstanceOfSatisfying(CedarAccessDeniedException.class,
                        e -> assertThat(e.decision().failure()).hasValueSatisfying(f -> assertThat(f).contains("nosuch")));
    }
}
