package io.convlist.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/** cdk synth / cdk deploy entry point (cdk.json). */
public final class InfraApp {
    private InfraApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        new ConversationListStack(app, "ConversationList", StackProps.builder().build(),
                ConversationListStack.Artifacts.fromBuild());
        app.synth();
    }
}
