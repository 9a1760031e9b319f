package io.convlist.client.transport;

import com.fasterxml.jackson.databind.JsonNode;

/** The service's functions, as the device calls them with its user token. */
public interface Cloud {
    /**
     * Calls one function and answers its JSON.
     *
     * @throws ConvListException refused, or unreachable after the retries the service asked for
     */
    JsonNode call(String function, Object body);
}
