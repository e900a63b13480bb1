package dev.vigil.app.web;

import gg.jte.output.WriterOutput;
import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** Writes a {@link Page} as UTF-8 HTML: the one way a resource answers with a page. */
@Provider
@Produces(MediaType.TEXT_HTML)
public class PageWriter implements MessageBodyWriter<Page> {

    @Inject
    Templates templates;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Page.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Page page, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws java.io.IOException {
        headers.putSingle("Content-Type", "text/html; charset=UTF-8");
        headers.putSingle("Cache-Control", "no-store");
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        templates.render(page, new WriterOutput(w));
        w.flush();
    }
}
