package dev.vigil.app.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * CORS on the API as Healthchecks sends it (any origin, the X-Api-Key header), so that browser dashboards can call
 * it; a preflight OPTIONS is answered 204 here, before routing.
 */
@Provider
@PreMatching
public class ApiCors implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String METHODS = "GET, POST, DELETE, OPTIONS";

    @Override
    public void filter(ContainerRequestContext request) {
        if (isApi(request) && "OPTIONS".equals(request.getMethod())) {
            request.abortWith(Response.noContent().build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (isApi(request)) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", "*");
            response.getHeaders().putSingle("Access-Control-Allow-Headers", "X-Api-Key");
            response.getHeaders().putSingle("Access-Control-Allow-Methods", METHODS);
            response.getHeaders().putSingle("Access-Control-Max-Age", "600");
        }
    }

    private static boolean isApi(ContainerRequestContext request) {
        return request.getUriInfo().getPath().startsWith("api/v3/")
                || request.getUriInfo().getPath().startsWith("/api/v3/");
    }
}
