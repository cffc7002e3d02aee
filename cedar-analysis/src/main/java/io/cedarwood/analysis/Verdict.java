package io.cedarwood.analysis;

/** What the solver said about a question in one request environment. */
public enum Verdict {
    /** Proved: holds for every request and every entity store of the environment. */
    YES,
    /** Refuted, with a counterexample. */
    NO,
    /** The solver gave up (time limit) or its model could not be made concrete: neither yes nor no. */
    UNKNOWN,
    /** A policy uses something the encoding does not cover: no answer. */
    UNSUPPORTED
}
