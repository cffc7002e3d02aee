package io.cedarwood.jakarta.todo;

import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.enforcement.DecisionLog;
import io.cedarwood.enforcement.PathPatterns;
import io.cedarwood.enforcement.PolicyLoader;
import io.cedarwood.enforcement.PolicyReloader;
import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.enforcement.RouteTable;
import io.cedarwood.enforcement.UidTemplate;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.jakarta.CedarAuthorization;
import io.cedarwood.jakarta.CedarPrincipalMapper;
import io.cedarwood.jakarta.CedarResources;
import io.cedarwood.jakarta.servlet.CedarAuthorizationFilter;
import io.cedarwood.jakarta.servlet.CedarFilterSettings;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import java.time.Duration;
import java.util.List;

/** The Cedar filter registered in code, as the module's README shows it. */
public class ProgrammaticSetup implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
        PolicyLoader loader = PolicyLoader.of(CedarResources.locations(
                "classpath:META-INF/cedar/policies.cedar", "classpath:META-INF/cedar/schema.cedarschema"));
        PolicyStore store = PolicyStore.load(loader);
        CedarAuthorization authorization = CedarAuthorization.builder()
                .store(store)
                .entities(new TodoEntities())
                .principalMapper(CedarPrincipalMapper.byName("User", "Team", List.of("admin")))
                .decisionLog(DecisionLog.What.ALL)
                .build();
        RouteTable routes = RouteTable.builder(PathPatterns.segments())
                .route("GET", "/lists/{listId}", PolicyParser.parseEntityUid("Action::\"GetList\""), UidTemplate.parse("List::\"{listId}\""))
                .build();
        CedarFilterSettings settings = CedarFilterSettings.builder(authorization, routes)
                .redirectTo("/login")
                .contributor((context, request) -> context.put("tenant", StringValue.of("acme")))
                .reloader(new PolicyReloader(store, loader, Duration.ofSeconds(2)))
                .build();
        event.getServletContext().addFilter("cedar", new CedarAuthorizationFilter(settings))
                .addMappingForUrlPatterns(null, true, "/*");
    }
}
