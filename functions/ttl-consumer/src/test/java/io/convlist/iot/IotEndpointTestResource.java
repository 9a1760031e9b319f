package io.convlist.iot;

import java.util.Map;

import io.convlist.testkit.EmbeddedDynamoDb;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * IoT Core's data endpoint for the tests: a moto server of its own (it accepts Publish and records
 * it; {@link io.convlist.testkit.MotoRecording} reads what was sent), apart from the table's backend.
 */
public class IotEndpointTestResource implements QuarkusTestResourceLifecycleManager {
    private EmbeddedDynamoDb moto;

    @Override
    public Map<String, String> start() {
        moto = EmbeddedDynamoDb.launch(false);
        return Map.of("convlist.live.iot-endpoint", moto.endpoint.toString(),
                "convlist.live.iot-arn-prefix", "arn:aws:iot:us-east-1:123456789012:",
                "convlist.live.max-connections-per-user", "3");
    }

    @Override
    public void stop() {
        moto.close();
    }
}
