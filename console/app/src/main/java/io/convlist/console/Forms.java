package io.convlist.console;

import io.convlist.domain.Edition;
import io.convlist.domain.ServiceException;

/** Parsing of form fields into values, with messages fit to show next to the form. */
final class Forms {
    private Forms() {
    }

    static int wholeNumber(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ServiceException.badRequest(field + " is required");
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ServiceException.badRequest(field + " must be a whole number");
        }
    }

    /** The settings' version a form was opened on (a hidden field); a form without one is stale. */
    static long version(String raw) {
        try {
            return Long.parseLong(raw == null ? "" : raw.trim());
        } catch (NumberFormatException e) {
            throw ServiceException.badRequest("the form is out of date; reload it");
        }
    }

    static Edition edition(String raw) {
        try {
            return Edition.valueOf(raw == null ? "" : raw.trim());
        } catch (IllegalArgumentException e) {
            throw ServiceException.badRequest("edition must be STANDARD or FLAGSHIP");
        }
    }
}
