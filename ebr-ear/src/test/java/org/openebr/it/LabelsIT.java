package org.openebr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openebr.it.Api.q;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.datamatrix.DataMatrixReader;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Labels, scanning, genealogy and the recipe's master data on the real server through the API: what
 * a scanner types resolved or refused with what was scanned, a container's label PDF whose DataMatrix
 * decodes to what was received, forward and backward traces of a seeded chain of lots, and a recipe
 * version naming unknown master data refused at submission.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LabelsIT {

    private static final char GS = 29;
    /** The demo material RM-DEMOPROFEN's GTIN (GS1 test company prefix 4012345). */
    private static final String DEMOPROFEN_GTIN = "04012345000016";
    /** A GTIN of the GS1 test prefix 4012345 that no demo material has. */
    private static final String FOREIGN_GTIN = "04012345099997";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.earWithProbe();
    }

    @ArquillianResource
    URL contextRoot;

    Http http;
    Api warehouse;

    @BeforeEach
    void clients() {
        http = new Http(contextRoot);
        warehouse = Api.demo(http, "warehouse1");
    }

    @Test
    void a_scan_that_names_nothing_is_a_404_saying_what_was_scanned_and_why() {
        assertRefused("]d2" + "0104012345000017" + "10L-1", "gs1-check-digit",
                "GTIN 04012345000017 has a wrong check digit: 7 where 6 belongs");
        assertRefused("0104012345000016" + "17270230" + "10L-1", "gs1-impossible-date",
                "(17) expiry date 270230 is no date: 2027-02 has no day 30");
        assertRefused("(01)04012345000016(17)271301", "gs1-impossible-date", "there is no month 13");
        assertRefused("]d2" + "0104012345000016" + "11261203", "gs1-unknown-ai",
                "an application identifier OpenEBR does not read: '1126...'");
        assertRefused("]d2" + "01040123450000", "gs1-truncated", "(01) GTIN needs 14 digits and has 12");
        assertRefused("]d2" + "01" + FOREIGN_GTIN + "10L-1" + GS + "21C-1", "scan-no-match",
                "a GS1 code of GTIN " + FOREIGN_GTIN + ", lot L-1, serial C-1: no container of it");
        assertRefused("NO-SUCH-THING-4711", "scan-unknown-code", "not a code OpenEBR knows: 'NO-SUCH-THING-4711'");
        assertRefused("\r\n", "scan-unknown-code", "the scan is empty");
    }

    @Test
    void a_scan_without_a_code_is_a_bad_request_and_an_administrator_does_not_scan() {
        assertThat(warehouse.post("api/v1/scan", "{}").statusCode()).isEqualTo(400);
        assertThat(Api.demo(http, "admin1").post("api/v1/scan", "{\"code\": \"X\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void a_received_containers_label_carries_a_gs1_datamatrix_that_decodes_to_what_was_received_and_scans_back()
            throws Exception {
        JsonObject lot = receive("DP2511-" + unique(), "2028-11-30", 500, 500);
        String lotId = lot.getString("lotId");
        String containerId = lot.getJsonArray("containers").getJsonObject(0).getString("containerId");

        HttpResponse<byte[]> label = warehouse.getBytes("api/v1/containers/" + containerId + "/label.pdf");

        assertThat(label.statusCode()).isEqualTo(200);
        assertThat(label.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        Result decoded = decodeDataMatrix(label.body());
        String elementString = "01" + DEMOPROFEN_GTIN + "17281130" + "10" + lotId + GS + "21" + containerId;
        assertThat(decoded.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER)).isEqualTo("]d2");
        assertThat(decoded.getText()).isEqualTo(GS + elementString); // ZXing gives the FNC1 in first position as GS
        assertThat(pdfText(label.body())).contains("Demoprofen", "Material RM-DEMOPROFEN", "Lot " + lotId,
                "Supplier lot DP2511-", "Quantity 500 g", "Expiry 2028-11-30", "Status: QUARANTINE",
                "Container " + containerId, "Printed ", "by warehouse1");

        // What a keyboard-wedge scanner types for that symbol, and the human-readable form, name the container.
        JsonObject scanned = scan("]d2" + elementString + "\r\n");
        assertThat(scanned.getString("kind")).isEqualTo("CONTAINER");
        assertThat(scanned.getString("id")).isEqualTo(containerId);
        assertThat(scanned.getJsonObject("gs1").getString("lot")).isEqualTo(lotId);
        assertThat(scanned.getJsonObject("gs1").getString("expiry")).isEqualTo("2028-11-30");
        assertThat(scan("(01)" + DEMOPROFEN_GTIN + "(17)281130(10)" + lotId + "(21)" + containerId).getString("id"))
                .isEqualTo(containerId);
        assertThat(scan(containerId).getString("kind")).isEqualTo("CONTAINER");
        // without serial: the lot; by its id too
        JsonObject lotScanned = scan("]d2" + "01" + DEMOPROFEN_GTIN + "10" + lotId);
        assertThat(lotScanned.getString("kind")).isEqualTo("LOT");
        assertThat(lotScanned.getString("id")).isEqualTo(lotId);
        assertThat(scan(lotId).getString("kind")).isEqualTo("LOT");
        // the container's id under another material's GTIN is not that container
        String sodiumChloride = "04012345000023";
        HttpResponse<String> foreign = warehouse.post("api/v1/scan", "{\"code\": " + q("]d2" + "01" + sodiumChloride + "10" + lotId
                + GS + "21" + containerId) + "}");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(Api.object(foreign).getString("type")).endsWith("/scan-no-match");
    }

    @Test
    void an_equipment_units_barcode_is_its_id() {
        JsonObject scanned = scan("BAL-01");

        assertThat(scanned.getString("kind")).isEqualTo("EQUIPMENT");
        assertThat(scanned.getString("id")).isEqualTo("BAL-01");
        assertThat(scanned.getString("description")).contains("balance");
    }

    @Test
    void an_operator_does_not_print_labels_and_an_unknown_container_has_none() {
        assertThat(Api.demo(http, "operator1").getBytes("api/v1/containers/C-NONE/label.pdf").statusCode()).isEqualTo(403);
        assertThat(warehouse.getBytes("api/v1/containers/C-NONE/label.pdf").statusCode()).isEqualTo(404);
    }

    @Test
    @Tag("ALCOA-T-1")
    void genealogy_traces_a_seeded_chain_completely_forward_and_backward() throws Exception {
        // Two received lots merged into a third, which is split into a fourth (edges as the materials component
        // writes them, seeded here because batches that merge and split lots come with batch execution).
        String a = receive("GA-" + unique(), "2028-11-30", 100).getString("lotId");
        String b = receive("GB-" + unique(), "2028-11-30", 100).getString("lotId");
        JsonObject mLot = receive("GM-" + unique(), "2028-11-30", 200);
        JsonObject sLot = receive("GS-" + unique(), "2028-11-30", 50);
        String m = mLot.getString("lotId");
        String s = sLot.getString("lotId");
        seedEdge(a, m, "MERGED");
        seedEdge(b, m, "MERGED");
        seedEdge(m, s, "SPLIT");
        String aContainer = firstContainer(a);
        String mContainer = firstContainer(m);
        String sContainer = firstContainer(s);

        JsonObject forward = warehouse.getJson("api/v1/genealogy/" + a + "?direction=forward");

        assertThat(forward.getBoolean("complete")).isTrue();
        assertThat(links(forward)).containsExactlyInAnyOrder(
                a + " RECEIVED_AS " + aContainer + " @1", a + " MERGED " + m + " @1",
                m + " RECEIVED_AS " + mContainer + " @2", m + " SPLIT " + s + " @2",
                s + " RECEIVED_AS " + sContainer + " @3");
        assertThat(forward.getJsonArray("cycles")).isEmpty();

        JsonObject backward = Api.demo(http, "qa1").getJson("api/v1/genealogy/" + s + "?direction=backward");

        assertThat(backward.getBoolean("complete")).isTrue();
        assertThat(links(backward)).containsExactlyInAnyOrder(m + " SPLIT " + s + " @1", a + " MERGED " + m + " @2",
                b + " MERGED " + m + " @2");
        // nothing came before a received lot
        assertThat(warehouse.getJson("api/v1/genealogy/" + a + "?direction=backward").getJsonArray("links")).isEmpty();
    }

    @Test
    void the_genealogy_screen_shows_the_trace_as_a_tree_from_the_lot_page_or_a_scan() throws Exception {
        String a = receive("TA-" + unique(), "2028-11-30", 100).getString("lotId");
        String m = receive("TM-" + unique(), "2028-11-30", 200).getString("lotId");
        seedEdge(a, m, "MERGED");
        Browser browser = new Browser(contextRoot);
        try {
            browser.signIn("qa1", Api.DEMO_PASSWORD);
            browser.open("app/lot.xhtml?id=" + m);
            browser.clickAndWaitForPage("genealogy-backward");

            assertThat(browser.text()).contains("What lot " + m + " was made from", "from Lot " + a,
                    "Demoprofen (RM-DEMOPROFEN), QUARANTINE", "The trace is complete.");
            browser.look("genealogy-backward");
            browser.assertAccessible();

            // what a scanner types for the lot's own container: its lot, traced forward
            browser.type("lot-code", firstContainer(a));
            browser.choose("direction", "Where used (forward)");
            browser.clickAndWaitFor("trace-bar:trace-button", "Where the material of lot " + a + " went");
            assertThat(browser.text()).contains("received as Container " + firstContainer(a), "merged into Lot " + m);
            browser.look("genealogy-forward");

            browser.type("lot-code", "BAL-01");
            browser.clickAndWaitFor("trace-bar:trace-button", "is an equipment unit, not a lot");
        } finally {
            browser.screenshot(java.nio.file.Path.of("target", "screenshots", "LabelsIT-genealogy.png"));
            browser.close();
        }
    }

    @Test
    @Tag("ALCOA-T-1")
    @Tag("negative")
    void genealogy_refuses_an_unknown_lot_and_a_direction_it_does_not_know() {
        assertThat(warehouse.get("api/v1/genealogy/L-NONE?direction=forward").statusCode()).isEqualTo(404);
        HttpResponse<String> sideways = warehouse.get("api/v1/genealogy/L-NONE?direction=sideways");
        assertThat(sideways.statusCode()).isEqualTo(400);
        assertThat(Api.object(sideways).getString("detail")).contains("'direction' must be forward").contains("sideways");
        assertThat(Api.demo(http, "admin1").get("api/v1/genealogy/L-NONE?direction=forward").statusCode()).isEqualTo(403);
    }

    @Test
    void a_recipe_version_naming_a_material_or_equipment_class_that_is_no_master_data_cannot_be_submitted() {
        People people = new People(http);
        String author = people.signer("Anna Author", "RECIPE_AUTHOR");
        String recipe = RecipesIT.uniqueId();
        String document = RecipesIT.reference(recipe).replace("\"sodium chloride\"", "\"sodium chlorite\"")
                .replace("\"pH meter\"", "\"pH-meter\"");
        HttpResponse<String> imported = people.api(author).post("api/v1/recipes/import?reason=new%20product", document);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201); // a draft may name what is not there yet

        HttpResponse<String> submitted = people.sign(author, "RECIPE_VERSION", recipe + ":1", "PERFORMED");

        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(422);
        JsonObject problem = Api.object(submitted);
        assertThat(problem.getString("type")).endsWith("/recipe-unknown-master-data");
        assertThat(problem.getString("detail")).contains("cannot be submitted", "nothing was signed");
        assertThat(problem.getJsonArray("violations").getValuesAs(JsonObject.class))
                .extracting(v -> v.getString("field") + ": " + v.getString("message"))
                .contains("$.formula[1].material: no material 'sodium chlorite' in the material master (by material number or name)")
                .anyMatch(v -> v.endsWith(".charge.material: no material 'sodium chlorite' in the material master (by material"
                        + " number or name)"))
                .anyMatch(v -> v.endsWith(".equipmentClass: no equipment class 'pH-meter' in the equipment classes"));
        assertThat(people.api(author).getJson("api/v1/recipes/" + recipe + "/versions/1/summary").getString("status"))
                .isEqualTo("DRAFT");
    }

    private void assertRefused(String code, String type, String detail) {
        HttpResponse<String> answer = warehouse.post("api/v1/scan", "{\"code\": " + q(code) + "}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonObject problem = Api.object(answer);
        assertThat(problem.getString("type")).as(answer.body()).endsWith("/" + type);
        assertThat(problem.getString("detail")).contains(detail);
    }

    /** A goods receipt of Demoprofen by warehouse1: one container per quantity (g). */
    private JsonObject receive(String supplierLot, String expiry, int... quantities) {
        StringBuilder containers = new StringBuilder();
        for (int quantity : quantities) {
            containers.append(containers.length() == 0 ? "" : ", ").append("{\"quantity\": ").append(quantity)
                    .append(", \"unit\": \"g\"}");
        }
        HttpResponse<String> received = warehouse.post("api/v1/lots", "{\"materialNumber\": \"RM-DEMOPROFEN\","
                + " \"supplier\": \"Demo Pharma Chemicals GmbH\", \"supplierLot\": " + q(supplierLot) + ", \"expiryDate\": "
                + q(expiry) + ", \"containers\": [" + containers + "], \"reason\": \"goods receipt GR-4711\"}");
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        return Api.object(received);
    }

    private String firstContainer(String lotId) {
        return warehouse.getJson("api/v1/lots/" + lotId).getJsonArray("containers").getJsonObject(0).getString("containerId");
    }

    /** A genealogy edge between two lots, written as the materials component writes its edges. */
    /** A lot-to-lot edge as a batch that merges or splits lots would record it: audited, through a test probe. */
    private void seedEdge(String from, String to, String kind) {
        HttpResponse<String> seeded = warehouse.post("api/v1/it-probe/genealogy/edge?from=" + from + "&to=" + to
                + "&kind=" + kind, "");
        assertThat(seeded.statusCode()).as(seeded.body()).isBetween(200, 204);
    }

    /** Each link of a trace as "from KIND to @depth". */
    private static List<String> links(JsonObject trace) {
        return trace.getJsonArray("links").getValuesAs(JsonObject.class).stream()
                .map(link -> link.getString("from") + " " + link.getString("kind") + " " + link.getString("to") + " @"
                        + link.getInt("depth"))
                .toList();
    }

    private JsonObject scan(String code) {
        HttpResponse<String> answer = warehouse.post("api/v1/scan", "{\"code\": " + q(code) + "}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Api.object(answer);
    }

    private static String unique() {
        return Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
    }

    /** The label's one image, decoded by ZXing as a scanner would: the symbol alone, quiet zone included. */
    private static Result decodeDataMatrix(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            for (COSName name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                    BufferedImage symbol = image.getImage();
                    int width = symbol.getWidth();
                    int height = symbol.getHeight();
                    return new DataMatrixReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width,
                            height, symbol.getRGB(0, 0, width, height, null, 0, width)))),
                            Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
                }
            }
        }
        throw new AssertionError("the label has no image");
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
