package io.cedarwood.spring.security.method;

import io.cedarwood.engine.value.EntityUid;

/**
 * Turns an application object into the uid of its Cedar entity, for {@code hasPermission(#list, 'GetList')}
 * and for annotations without a {@code resourceType}. Register one as a bean; the default knows only
 * entity uids.
 */
@FunctionalInterface
public interface CedarResourceResolver {

    /** The uid, or {@code null} when this object is not a Cedar resource. */
    EntityUid resolve(Object domainObject);

    /** Entity uids themselves, nothing else. */
    static CedarResourceResolver uidsOnly() {
        return o -> o instanceof EntityUid uid ? uid : null;
    }
}
