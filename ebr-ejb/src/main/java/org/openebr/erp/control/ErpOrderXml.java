package org.openebr.erp.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.openebr.erp.boundary.ErpRefused;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A production order as B2MML {@code OperationsSchedule}: parsed without DTDs or external entities,
 * validated against OpenEBR's profile {@value #SCHEMA}, and read (see the profile for the mapping).
 * A document that is not well-formed or not valid is refused naming the error, its line and column.
 */
public final class ErpOrderXml {

    public static final String NAMESPACE = "http://www.mesa.org/xml/B2MML";
    public static final String SCHEMA = "b2mml/B2MML-OperationsSchedule-OpenEBR.xsd";

    /** What the order says. */
    public record Parsed(String orderNumber, String material, BigDecimal quantity, String unit, LocalDate dueDate,
                         Integer requestedVersion) {
    }

    private static volatile Schema schema;

    private ErpOrderXml() {
    }

    public static Schema schema() {
        Schema s = schema;
        if (s == null) {
            URL xsd = Objects.requireNonNull(ErpOrderXml.class.getClassLoader().getResource(SCHEMA), SCHEMA);
            try {
                SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar:file,vfs");
                s = factory.newSchema(xsd);
            } catch (SAXException e) {
                throw new IllegalStateException("the OperationsSchedule profile " + SCHEMA + " does not compile", e);
            }
            schema = s;
        }
        return s;
    }

    public static List<Parsed> parse(byte[] xml) {
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            doc = builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            throw invalid("The order is not well-formed XML", e);
        } catch (SAXException | IOException e) {
            throw new ErpRefused(ErpRefused.Reason.SCHEMA_INVALID, "The order is not well-formed XML: " + e.getMessage(),
                    "body", "a B2MML OperationsSchedule document");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        try {
            var validator = schema().newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new DOMSource(doc));
        } catch (SAXParseException e) {
            throw invalid("The order is not valid B2MML OperationsSchedule (V0701)", e);
        } catch (SAXException | IOException e) {
            throw new ErpRefused(ErpRefused.Reason.SCHEMA_INVALID, "The order is not valid B2MML OperationsSchedule"
                    + " (V0701): " + e.getMessage(), "body", "valid against " + SCHEMA);
        }
        List<Parsed> orders = new ArrayList<>();
        for (Element request : children(doc.getDocumentElement(), "OperationsRequest")) {
            String number = text(request, "ID");
            String end = text(request, "EndTime");
            LocalDate due = end == null ? null : OffsetDateTime.parse(end).toLocalDate();
            Integer version = null;
            String definition = text(request, "OperationsDefinitionID");
            if (definition != null) {
                String digits = definition.replaceAll(".*?(\\d+)$", "$1");
                if (!digits.matches("\\d{1,6}")) {
                    throw new ErpRefused(ErpRefused.Reason.INVALID, "Order " + number + ": OperationsDefinitionID names the"
                            + " requested recipe version and ends with its number (e.g. DEMOPROFEN-10-2ML/3), is "
                            + definition + ".", "OperationsDefinitionID", "ends with the recipe version number");
                }
                version = Integer.valueOf(digits);
            }
            Element produced = null;
            for (Element segment : children(request, "SegmentRequirement")) {
                for (Element material : children(segment, "MaterialRequirement")) {
                    if ("Produced".equals(text(material, "MaterialUse")) && produced == null) {
                        produced = material;
                    }
                }
            }
            if (produced == null || text(produced, "MaterialDefinitionID") == null
                    || children(produced, "Quantity").isEmpty()) {
                throw new ErpRefused(ErpRefused.Reason.INVALID, "Order " + number + " names no material to produce: a"
                        + " SegmentRequirement needs a MaterialRequirement with MaterialUse Produced, its"
                        + " MaterialDefinitionID and Quantity.", "MaterialRequirement", "MaterialUse Produced");
            }
            Element quantity = children(produced, "Quantity").get(0);
            BigDecimal amount;
            try {
                amount = new BigDecimal(Objects.requireNonNullElse(text(quantity, "QuantityString"), "").strip());
            } catch (NumberFormatException e) {
                throw new ErpRefused(ErpRefused.Reason.INVALID, "Order " + number + ": the quantity "
                        + text(quantity, "QuantityString") + " is not a number.", "QuantityString", "a decimal number");
            }
            orders.add(new Parsed(number, text(produced, "MaterialDefinitionID"), amount, text(quantity, "UnitOfMeasure"),
                    due, version));
        }
        return orders;
    }

    private static ErpRefused invalid(String what, SAXParseException e) {
        String where = "line " + e.getLineNumber() + ", column " + e.getColumnNumber();
        return new ErpRefused(ErpRefused.Reason.SCHEMA_INVALID, what + " at " + where + ": " + e.getMessage(), where,
                e.getMessage());
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NAMESPACE.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().strip();
    }
}
