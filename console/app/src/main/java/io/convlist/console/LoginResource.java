package io.convlist.console;

import java.net.URI;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/** Sign-in (the form posts to Quarkus form authentication) and sign-out. */
@Path("/")
public class LoginResource {
    /** The session cookies: form authentication's and OIDC's. */
    static final String[] SESSION_COOKIES = { "quarkus-credential", "q_session" };

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed);
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/apps")).build();
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@QueryParam("error") String error) {
        return Templates.login(error != null);
    }

    @POST
    @Path("logout")
    public Response logout() {
        NewCookie[] expired = new NewCookie[SESSION_COOKIES.length];
        for (int i = 0; i < expired.length; i++) {
            expired[i] = new NewCookie.Builder(SESSION_COOKIES[i]).value("").path("/").maxAge(0).httpOnly(true)
                    .sameSite(NewCookie.SameSite.STRICT).build();
        }
        return Response.seeOther(URI.create("/login")).cookie(expired).build();
    }
}
