package io.cedarwood.spring.security.autoconfigure;

import io.cedarwood.enforcement.DecisionLog;
import io.cedarwood.enforcement.EnforcementMode;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cedar authorization settings. */
@ConfigurationProperties(prefix = "cedar")
public class CedarProperties {

    /**
     * Where the policies are: files ("classpath:cedar/policies.cedar", "file:/etc/app/policies.cedar"),
     * directories ("file:/etc/app/cedar/", every .cedar file below it) or patterns
     * ("classpath*:cedar/*.cedar").
     */
    private List<String> policies = new ArrayList<>(List.of("classpath:cedar/policies.cedar"));

    /** Where the schema is: a .cedarschema file, or a .json file in the JSON schema format. */
    private String schema;

    /**
     * Where a JSON file of entities is, used when the application defines no EntityProvider bean. Read once,
     * at startup.
     */
    private String entities;

    /**
     * Whether to validate the policies against the schema, at startup (which fails when they don't
     * validate) and on every reload. Defaults to true when a schema is given.
     */
    private Boolean validate;

    /** Whether denials are enforced, or only logged ("permissive", for rolling Cedar out). */
    private EnforcementMode enforcement = EnforcementMode.ENFORCING;

    /** Which decisions to log to the "io.cedarwood.spring.security.decisions" logger. */
    private DecisionLog.What decisionLogging = DecisionLog.What.DENIED;

    /** The entity type of actions given by id alone ("GetList" means Action::"GetList"). */
    private String actionType = "Action";

    private final Principal principal = new Principal();

    private final Reload reload = new Reload();

    private final Events events = new Events();

    private final Metrics metrics = new Metrics();

    private final Http http = new Http();

    private final MethodSecurity methodSecurity = new MethodSecurity();

    public List<String> getPolicies() {
        return policies;
    }

    public void setPolicies(List<String> policies) {
        this.policies = policies;
    }

    public String getSchema() {
        return schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    public String getEntities() {
        return entities;
    }

    public void setEntities(String entities) {
        this.entities = entities;
    }

    public Boolean getValidate() {
        return validate;
    }

    public void setValidate(Boolean validate) {
        this.validate = validate;
    }

    public EnforcementMode getEnforcement() {
        return enforcement;
    }

    public void setEnforcement(EnforcementMode enforcement) {
        this.enforcement = enforcement;
    }

    public DecisionLog.What getDecisionLogging() {
        return decisionLogging;
    }

    public void setDecisionLogging(DecisionLog.What decisionLogging) {
        this.decisionLogging = decisionLogging;
    }

    public String getActionType() {
        return actionType;
    }

    public void setActionType(String actionType) {
        this.actionType = actionType;
    }

    public Principal getPrincipal() {
        return principal;
    }

    public Reload getReload() {
        return reload;
    }

    public Events getEvents() {
        return events;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    public Http getHttp() {
        return http;
    }

    public MethodSecurity getMethodSecurity() {
        return methodSecurity;
    }

    public static class Principal {
        /** The entity type of principals: an authenticated user is <type>::"<name>". */
        private String type = "User";

        /** The entity type of granted authorities, the principal's parents: <type>::"ROLE_ADMIN". */
        private String authorityType = "Role";

        private final Claims claims = new Claims();

        public Claims getClaims() {
            return claims;
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public String getAuthorityType() {
            return authorityType;
        }

        public void setAuthorityType(String authorityType) {
            this.authorityType = authorityType;
        }
    }

    /** The principal's attributes and parents from an OAuth2 token's claims (a JWT's, or an introspected token's). */
    public static class Claims {
        /**
         * Principal attributes from claims: attribute name to claim name ("department=dept"). A claim is found by
         * its name or, for a name with dots, by its path ("realm_access.roles").
         */
        private Map<String, String> attributes = new LinkedHashMap<>();

        /**
         * Parents from claims: entity type to claim name ("Group=groups"); each value of the claim is a parent of
         * that type. A type with a namespace is written in brackets: cedar.principal.claims.parents[Ns::Group].
         */
        private Map<String, String> parents = new LinkedHashMap<>();

        public Map<String, String> getAttributes() {
            return attributes;
        }

        public void setAttributes(Map<String, String> attributes) {
            this.attributes = attributes;
        }

        public Map<String, String> getParents() {
            return parents;
        }

        public void setParents(Map<String, String> parents) {
            this.parents = parents;
        }

        /** Whether any claim is mapped. */
        public boolean isEmpty() {
            return attributes.isEmpty() && parents.isEmpty();
        }
    }

    public static class Reload {
        /**
         * Whether to reload the policies and the schema when their files change. A version that does not
         * load or validate is logged, and the policies in use stay.
         */
        private boolean enabled;

        /**
         * How often to look for changes. Changed files are loaded when they read the same at two checks in a
         * row, so a change takes effect within two intervals.
         */
        private Duration interval = Duration.ofSeconds(2);
        /**
         * Whether a reload may leave no policy at all, or no forbid where there were some. Off by default: such
         * a reload is refused with a warning and the policies in use stay.
         */
        private boolean allowDroppingAll;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInterval() {
            return interval;
        }

        public boolean isAllowDroppingAll() {
            return allowDroppingAll;
        }

        public void setAllowDroppingAll(boolean allowDroppingAll) {
            this.allowDroppingAll = allowDroppingAll;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }
    }

    public static class Events {
        /**
         * Whether to publish Cedar's grants as AuthorizationGrantedEvents too (denials are always published
         * as AuthorizationDeniedEvents).
         */
        private boolean granted;

        public boolean isGranted() {
            return granted;
        }

        public void setGranted(boolean granted) {
            this.granted = granted;
        }
    }

    public static class Metrics {
        /** Whether to record decisions with Micrometer, when there is a MeterRegistry. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    public static class Http {
        /**
         * The route table of the CedarAuthorizationManager bean, used when the application defines no
         * CedarRequestResolver bean. The first route that matches a request wins; a request that matches
         * none is denied.
         */
        private List<Route> routes = new ArrayList<>();

        public List<Route> getRoutes() {
            return routes;
        }

        public void setRoutes(List<Route> routes) {
            this.routes = routes;
        }
    }

    public static class Route {
        /** The HTTP method, or "*" for any. */
        private String method = "*";

        /** The path within the application, in Spring MVC's pattern syntax: "/lists/{listId}". */
        private String path;

        /** The action: an id of the action type ("GetList") or a full uid. */
        private String action;

        /** The resource's entity type. */
        private String resourceType;

        /** The resource's id: literal text and the path's variables, "{listId}". */
        private String resourceId;

        public String getMethod() {
            return method;
        }

        public void setMethod(String method) {
            this.method = method;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public String getAction() {
            return action;
        }

        public void setAction(String action) {
            this.action = action;
        }

        public String getResourceType() {
            return resourceType;
        }

        public void setResourceType(String resourceType) {
            this.resourceType = resourceType;
        }

        public String getResourceId() {
            return resourceId;
        }

        public void setResourceId(String resourceId) {
            this.resourceId = resourceId;
        }
    }

    public static class MethodSecurity {
        /**
         * Whether to enable @CedarAuthorize and @CedarPostAuthorize, and to route hasPermission(...) to
         * Cedar.
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
