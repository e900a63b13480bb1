package dev.vigil.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All JAX-RS resources of Vigil, served from the root of the site. */
@ApplicationPath("/")
public class VigilApplication extends Application {
}
