package io.cedarwood.enforcement.contract;

import java.util.List;
import java.util.Set;

/**
 * One request of the contract, as each entry point sees it: over HTTP ({@code httpMethod} and {@code path}
 * through the route table) or as a method call ({@code method} of {@link EnforcementContract#METHODS} with
 * {@code docId} as its argument).
 *
 * @param name what the case shows
 * @param user the caller's name, {@code null} for an unauthenticated caller
 * @param roles the caller's roles
 * @param httpMethod the HTTP method of the request
 * @param path the path within the application
 * @param method the annotated method that does the same ({@code view}, {@code edit}, {@code delete})
 * @param docId the method's argument
 * @param granted whether the request is let through
 * @param reason the ids of the determining policies
 */
public record ContractCase(String name, String user, List<String> roles, String httpMethod, String path, String method,
        String docId, boolean granted, Set<String> reason) {

    @Override
    public String toString() {
        return name;
    }
}
