package dev.ferry.export.format;

import static dev.ferry.export.format.Dom.child;
import static dev.ferry.export.format.Dom.children;
import static dev.ferry.export.format.Dom.entries;
import static dev.ferry.export.format.Dom.names;
import static dev.ferry.export.format.Dom.parse;
import static dev.ferry.export.format.Dom.text;
import static dev.ferry.export.format.Dom.texts;
import static dev.ferry.export.format.Dom.xmlSafe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.store.Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class XmlProfileWriterTest {

  @Test
  void profilesReadBackWithTheDomParserEqualTheProfilesWritten() throws Exception {
    List<Profile> profiles = SampleProfiles.awkward();

    Element root = parse(write(profiles)).getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("Profiles");
    List<Element> read = children(root);
    assertThat(read).hasSize(profiles.size());
    for (int i = 0; i < profiles.size(); i++) {
      assertReadsBackAs(read.get(i), profiles.get(i));
    }
  }

  @Test
  void profileHasTheElementsOfSpecInThatOrder() throws IOException {
    Profile profile =
        SampleProfiles.profile(
            "john", List.of("john", "a\rb"), "2017-11-09T00:00:15.900Z", Map.of("k", "v"));

    assertThat(new String(write(List.of(profile)), StandardCharsets.UTF_8))
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profiles>\n"
                + "<Profile><identity>john</identity><all_identities>john</all_identities>"
                + "<all_identities>a&#13;b</all_identities><updated>20171109000015</updated>"
                + "<profileProps><entry><key>k</key><value>v</value></entry></profileProps>"
                + "</Profile>\n</Profiles>\n");
  }

  @Test
  void documentWithoutProfilesHasAnEmptyRoot() throws Exception {
    byte[] xml = write(List.of());

    assertThat(new String(xml, StandardCharsets.UTF_8))
        .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Profiles>\n</Profiles>\n");
    assertThat(children(parse(xml).getDocumentElement())).isEmpty();
  }

  @Test
  void gzippedProfilesReadBackThroughTheJdk() throws IOException {
    List<Profile> profiles = SampleProfiles.awkward();
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    write(profiles, Compression.gzip(gzipped, 1));

    assertThat(SampleEvents.gunzip(gzipped.toByteArray())).isEqualTo(write(profiles));
  }

  private static void assertReadsBackAs(Element read, Profile profile) {
    assertThat(read.getTagName()).isEqualTo("Profile");
    List<String> names = names(children(read));
    assertThat(names.get(0)).isEqualTo("identity");
    assertThat(names.subList(1, names.size() - 2)).containsOnly("all_identities");
    assertThat(names.subList(names.size() - 2, names.size()))
        .containsExactly("updated", "profileProps");
    assertThat(text(read, "identity")).isEqualTo(xmlSafe(profile.identity()));
    assertThat(texts(read, "all_identities"))
        .isEqualTo(profile.allIdentities().stream().map(Dom::xmlSafe).toList());
    assertThat(Long.parseLong(text(read, "updated"))).isEqualTo(SampleEvents.ts(profile.updated()));
    Map<String, String> expected = new LinkedHashMap<>();
    profile.properties().forEach((k, v) -> expected.put(xmlSafe(k), xmlSafe(v)));
    assertThat(entries(child(read, "profileProps"))).containsExactlyEntriesOf(expected);
  }

  private static byte[] write(List<Profile> profiles) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    write(profiles, bytes);
    return bytes.toByteArray();
  }

  private static void write(List<Profile> profiles, OutputStream out) throws IOException {
    try (XmlProfileWriter writer = new XmlProfileWriter(out)) {
      for (Profile profile : profiles) {
        writer.write(profile);
      }
    }
  }
}
