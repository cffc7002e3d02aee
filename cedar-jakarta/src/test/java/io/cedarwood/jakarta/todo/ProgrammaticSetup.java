package io.cedarwood.jakarta.todo;

import io.cedarwood.engine.value.StringValue;
import io.cedarwood.jakarta.CedarAuthorization;
import io.cedarwood.jakarta.CedarDecisionLog;
import io.cedarwood.jakarta.CedarPrincipalMapper;
import io.cedarwood.jakarta.CedarResources;
import io.cedarwood.jakarta.servlet.CedarAuthorizationFilter;
import io.cedarwood.jakarta.servlet.CedarFilterSettings;
import io.cedarwood.jakarta.servlet.CedarRoutes;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import java.lang.System.Logger.Level;
import java.util.List;

/** The Cedar filter registered in code, as the module's README shows it. */
public class ProgrammaticSetup implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
        CedarAuthorization authorization = CedarAuthorization.builder()
                .policies(CedarResources.policies("classpath:META-INF/cedar/policies.cedar"))
                .schema(CedarResources.schema("classpath:META-INF/cedar/schema.cedarschema"))
                .entities(new TodoEntities())
                .principalMapper(CedarPrincipalMapper.byName("User", "Team", List.of("admin")))
                .decisionLog(CedarDecisionLog.of(Level.INFO, true))
                .build();
        CedarRoutes routes = CedarRoutes.builder()
                .route("GET", "/lists/{listId}", "Action::\"GetList\"", "List::\"{listId}\"")
                .build();
        CedarFilterSettings settings = CedarFilterSettings.builder(authorization, routes)
                .redirectTo("/login")
                .contributor((context, request) -> context.put("tenant", StringValue.of("acme")))
                .build();
        event.getServletContext().addFilter("cedar", new CedarAuthorizationFilter(settings))
                .addMappingForUrlPatterns(null, true, "/*");
    }
}
