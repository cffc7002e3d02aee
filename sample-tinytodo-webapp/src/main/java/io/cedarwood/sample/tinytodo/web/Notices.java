package io.cedarwood.sample.tinytodo.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;

/** A one-time message for the next page the user sees: "Shared with team temp.", "You may not ...". */
final class Notices {
    private static final String ATTRIBUTE = "tinytodo.notice";

    /** {@code kind}: {@code done} or {@code denied}. */
    record Notice(String kind, String text) implements Serializable {
    }

    private Notices() {
    }

    static void done(HttpServletRequest request, String text) {
        request.getSession().setAttribute(ATTRIBUTE, new Notice("done", text));
    }

    static void denied(HttpServletRequest request, String text) {
        request.getSession().setAttribute(ATTRIBUTE, new Notice("denied", text));
    }

    /** The message, which is then gone. */
    static Notice take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object notice = session.getAttribute(ATTRIBUTE);
        session.removeAttribute(ATTRIBUTE);
        return notice instanceof Notice n ? n : null;
    }
}
