package dev.vigil.app.bodies;

/** What a reader gets for a ping's body. */
public sealed interface PingBody {

    /** The ping had no body. */
    record None() implements PingBody {
    }

    record Present(byte[] bytes) implements PingBody {
    }

    /** The body is in object storage but not there yet (still in some server's spool): ask again shortly. */
    record Processing() implements PingBody {
    }

    PingBody NONE = new None();
    PingBody PROCESSING = new Processing();
}
