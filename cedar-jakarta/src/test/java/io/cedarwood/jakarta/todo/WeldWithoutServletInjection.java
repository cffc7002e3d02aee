package io.cedarwood.jakarta.todo;

import org.jboss.weld.environment.servlet.Container;
import org.jboss.weld.environment.servlet.ContainerContext;
import org.jboss.weld.resources.spi.ResourceLoader;

/**
 * Tells Weld servlet which container it runs in when Jetty 12 is one it does not know: none, so it sets up
 * CDI for the application's beans without injecting into servlets (the test servlet looks its bean up
 * with {@code CDI.current()}).
 */
public class WeldWithoutServletInjection implements Container {
    @Override
    public boolean touch(ResourceLoader loader, ContainerContext context) {
        return true;
    }

    @Override
    public void initialize(ContainerContext context) {
    }

    @Override
    public void destroy(ContainerContext context) {
    }
}
