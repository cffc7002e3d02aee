package io.cedarwood.jakarta.servlet;

import io.cedarwood.engine.value.Value;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Map;

/** Adds application values to the context of a request's Cedar request (after the filter's own entries). */
@FunctionalInterface
public interface CedarContextContributor {
    void contribute(Map<String, Value> context, HttpServletRequest request);
}
