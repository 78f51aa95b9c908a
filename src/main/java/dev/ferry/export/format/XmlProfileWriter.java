package dev.ferry.export.format;

import dev.ferry.store.Profile;
import java.io.IOException;
import java.io.OutputStream;
import javax.xml.stream.XMLStreamException;

/**
 * CleverTap's XML profile file (SPEC §5): a UTF-8 document with an XML declaration and the root
 * element {@code <Profiles>}, holding one {@code <Profile>} per profile, each on its own line:
 *
 * <pre>{@code
 * <Profile><identity>john</identity><all_identities>john</all_identities>
 *   <all_identities>john@example.com</all_identities><updated>20171109000015</updated>
 *   <profileProps><entry><key>plan</key><value>pro</value></entry></profileProps></Profile>
 * }</pre>
 *
 * (shown wrapped; written without the indentation). {@code <all_identities>} is repeated once per
 * linked identity, in first-seen order; {@code updated} is the profile's latest timestamp in UTC as
 * {@code yyyyMMddHHmmss}; the entries are sorted by key.
 *
 * <p>Characters are written as {@link XmlEventWriter} writes them: those XML 1.0 cannot carry
 * (control characters other than tab, line feed and carriage return, U+FFFE, U+FFFF, unpaired
 * surrogates) as U+FFFD, a carriage return as {@code &#13;}.
 */
public final class XmlProfileWriter implements ProfileWriter {
  private final XmlDocument xml;

  /**
   * A writer of a new document to {@code out}; the declaration and the root start tag are written
   * at once.
   *
   * @throws IOException if they cannot be written
   */
  public XmlProfileWriter(OutputStream out) throws IOException {
    xml = new XmlDocument(out, "Profiles");
  }

  @Override
  public void write(Profile profile) throws IOException {
    try {
      xml.start("Profile");
      xml.element("identity", profile.identity());
      for (String linked : profile.allIdentities()) {
        xml.element("all_identities", linked);
      }
      xml.element("updated", Long.toString(Timestamps.number(profile.updated())));
      xml.entries("profileProps", profile.properties());
      xml.endLine();
    } catch (XMLStreamException e) {
      throw XmlDocument.failed("write a profile to", e);
    }
  }

  @Override
  public void flush() throws IOException {
    xml.flush();
  }

  @Override
  public void close() throws IOException {
    xml.close();
  }
}
