package io.cedarwood.spring.security.todo;

import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.event.AuthorizationEvent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects the authorization events the application publishes. */
public class EventRecorder {
    private final List<AuthorizationEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(AuthorizationEvent event) {
        events.add(event);
    }

    public List<AuthorizationEvent> events() {
        return List.copyOf(events);
    }

    public void clear() {
        events.clear();
    }
}
