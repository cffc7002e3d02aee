package io.cedarwood.jakarta.contract;

import io.cedarwood.enforcement.EnforcementDecision;
import io.cedarwood.enforcement.PathPatterns;
import io.cedarwood.enforcement.PolicyFiles;
import io.cedarwood.enforcement.PolicySource;
import io.cedarwood.enforcement.RouteTable;
import io.cedarwood.enforcement.contract.ContractCase;
import io.cedarwood.enforcement.contract.EnforcementContract;
import io.cedarwood.enforcement.contract.Observed;
import io.cedarwood.jakarta.CedarAuthorization;
import io.cedarwood.jakarta.CedarPrincipalMapper;
import io.cedarwood.jakarta.servlet.CedarAuthorizationFilter;
import io.cedarwood.jakarta.servlet.CedarFilterSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/** The contract through {@link CedarAuthorizationFilter}, the servlet filter. */
class FilterContractTest extends EnforcementContract {

    @Override
    protected boolean http() {
        return true;
    }

    @Override
    protected Observed ask(ContractCase c) throws Exception {
        CedarAuthorization auth = CedarAuthorization.builder()
                .policies(PolicyFiles.policies(List.of(new PolicySource("policies.cedar", POLICIES))))
                .schema(PolicyFiles.schema(new PolicySource("schema.cedarschema", SCHEMA)))
                .entities(entities())
                .principalMapper(CedarPrincipalMapper.byName("User", "Role", ROLES))
                .build();
        CedarFilterSettings settings = CedarFilterSettings.builder(auth, RouteTable.parse(ROUTES, PathPatterns.segments()))
                .clock(CLOCK).build();
        Map<String, Object> attributes = new HashMap<>();
        AtomicBoolean chained = new AtomicBoolean();
        new CedarAuthorizationFilter(settings).doFilter(request(c, attributes), response(), (req, res) -> chained.set(true));
        EnforcementDecision d = (EnforcementDecision) attributes.get(CedarAuthorizationFilter.DECISION_ATTRIBUTE);
        Observed seen = Observed.of(d);
        return new Observed(chained.get(), seen.reason(), seen.context());
    }

    /** A request to {@code /app<path>}, dispatched to a servlet mapped to {@code /*}, from 127.0.0.1 over HTTP. */
    static HttpServletRequest request(ContractCase c, Map<String, Object> attributes) {
        Set<String> roles = Set.copyOf(c.roles());
        return (HttpServletRequest) Proxy.newProxyInstance(FilterContractTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> c.httpMethod();
                    case "getServletPath" -> "";
                    case "getPathInfo" -> c.path();
                    case "getRequestURI" -> "/app" + c.path();
                    case "getContextPath" -> "/app";
                    case "getRemoteAddr" -> "127.0.0.1";
                    case "isSecure" -> false;
                    case "getUserPrincipal" -> c.user() == null ? null : (Principal) c::user;
                    case "isUserInRole" -> c.user() != null && roles.contains((String) args[0]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    static HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(FilterContractTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "sendError", "setHeader" -> null;
                    case "isCommitted" -> false;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
