package io.cedarwood.analysis;

import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.json.CedarJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A concrete input on which an analysis answered no: a request and the entities (the action entities of the
 * schema included). Every counterexample has been asked of the concrete authorizer before it is shown.
 */
public record Counterexample(Request request, Entities entities) {
    public Counterexample {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(entities, "entities");
    }

    /** The request in Cedar syntax and the entities (actions left out) as Cedar's entities JSON. */
    public String describe() {
        List<Entity> nonActions = new ArrayList<>();
        for (Entity e : entities) {
            if (!e.uid().type().isAction()) {
                nonActions.add(e);
            }
        }
        return "principal: " + request.principal().toCedar() + "\naction: " + request.action().toCedar()
                + "\nresource: " + request.resource().toCedar() + "\ncontext: " + request.context().toCedar()
                + "\nentities: " + CedarJson.writeEntities(nonActions);
    }
}
