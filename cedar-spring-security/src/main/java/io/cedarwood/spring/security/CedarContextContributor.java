package io.cedarwood.spring.security;

import io.cedarwood.engine.value.Value;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;

import java.util.Map;

/** Adds entries of its own to the context of every Cedar request. */
@FunctionalInterface
public interface CedarContextContributor {

    /**
     * Puts entries into {@code context}, which already holds the standard ones.
     *
     * @param request the web request being served, or {@code null} outside one
     */
    void contribute(Map<String, Value> context, Authentication authentication, HttpServletRequest request);
}
