package org.openebr.platform.control;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A small writer of indented XML documents in one default namespace (the B2MML documents): elements,
 * text-only elements that are left out when their value is null, attributes. Characters XML 1.0 cannot
 * carry (control characters typed or pasted into a record) are written as spaces.
 */
public final class IndentedXml {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
    private final XMLStreamWriter w;
    private int depth;

    /** A document whose root element is in {@code namespace}, with a comment above it (null for none). */
    public IndentedXml(String root, String namespace, String comment) {
        try {
            w = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            if (comment != null) {
                w.writeCharacters("\n");
                w.writeComment(" " + comment + " ");
            }
            w.writeCharacters("\n");
            w.writeStartElement("", root, namespace);
            w.writeDefaultNamespace(namespace);
            depth = 1;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    public IndentedXml start(String name) {
        try {
            newline();
            w.writeStartElement(name);
            depth++;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An attribute of the element just started. */
    public IndentedXml attribute(String name, String value) {
        try {
            if (value != null) {
                w.writeAttribute(name, clean(value));
            }
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    public IndentedXml end() {
        try {
            depth--;
            newline();
            w.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An element with text; nothing when the value is null. */
    public IndentedXml leaf(String name, Object value) {
        return leaf(name, value, null, null);
    }

    /** An element with text and one attribute (e.g. {@code OtherValue}); nothing when the value is null. */
    public IndentedXml leaf(String name, Object value, String attribute, String attributeValue) {
        if (value == null) {
            return this;
        }
        try {
            newline();
            w.writeStartElement(name);
            if (attribute != null && attributeValue != null) {
                w.writeAttribute(attribute, clean(attributeValue));
            }
            w.writeCharacters(clean(value.toString()));
            w.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The document, its root closed. */
    public byte[] finish() {
        try {
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return bytes.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private void newline() throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static String clean(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> out.appendCodePoint(c < 0x20 && c != '\n' && c != '\t' && c != '\r'
                || c == 0xFFFE || c == 0xFFFF ? ' ' : c));
        return out.toString();
    }
}
