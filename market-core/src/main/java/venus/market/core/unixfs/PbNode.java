package venus.market.core.unixfs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.MultiformatsException;

/**
 * A dag-pb node (PBNode). Canonical encoding as go-codec-dagpb writes it: all Links (field 2) first, then Data
 * (field 1); each PBLink has Hash (1), Name (2, always written, "" as {@code 12 00}) and Tsize (3).
 */
public record PbNode(List<PbLink> links, byte[] data) {

  /** More links than any real node has (lotus uses 1024 per node); bounds decoding of hostile blocks. */
  public static final int MAX_LINKS = 1 << 16;

  public PbNode {
    links = List.copyOf(links);
    data = data == null ? null : data.clone();
  }

  @Override
  public byte[] data() {
    return data == null ? null : data.clone();
  }

  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (PbLink l : links) {
      ByteArrayOutputStream link = new ByteArrayOutputStream();
      Protobuf.bytes(link, 1, l.hash().bytes());
      Protobuf.bytes(link, 2, l.name().getBytes(StandardCharsets.UTF_8));
      Protobuf.tag(link, 3, Protobuf.VARINT);
      Protobuf.varint(link, l.tsize());
      Protobuf.bytes(out, 2, link.toByteArray());
    }
    if (data != null) {
      Protobuf.bytes(out, 1, data);
    }
    return out.toByteArray();
  }

  /** Decodes a dag-pb block strictly: links before data, no unknown fields, every length in bounds. */
  public static PbNode decode(byte[] block) {
    Protobuf.Reader r = new Protobuf.Reader(block, 0, block.length, "dag-pb node");
    List<PbLink> links = new ArrayList<>();
    byte[] data = null;
    while (r.hasMore()) {
      int at = r.position();
      long tag = r.varint();
      if (tag == (2 << 3 | Protobuf.LENGTH_DELIMITED)) {
        if (data != null) {
          throw new UnixFsException("dag-pb node: link at byte " + at + " after the Data field");
        }
        if (links.size() >= MAX_LINKS) {
          throw new UnixFsException("dag-pb node: more than " + MAX_LINKS + " links");
        }
        int from = r.lengthDelimited();
        links.add(decodeLink(block, from, r.position()));
      } else if (tag == (1 << 3 | Protobuf.LENGTH_DELIMITED)) {
        if (data != null) {
          throw new UnixFsException("dag-pb node: second Data field at byte " + at);
        }
        data = r.slice(r.lengthDelimited());
      } else {
        throw new UnixFsException("dag-pb node: unexpected field tag " + tag + " at byte " + at);
      }
    }
    return new PbNode(links, data);
  }

  private static PbLink decodeLink(byte[] block, int from, int to) {
    Protobuf.Reader r = new Protobuf.Reader(block, from, to, "dag-pb link at byte " + from);
    Cid hash = null;
    String name = "";
    long tsize = 0;
    int lastField = 0;
    while (r.hasMore()) {
      int at = r.position();
      long tag = r.varint();
      int field = (int) (tag >>> 3);
      if (field <= lastField) {
        throw new UnixFsException("dag-pb link at byte " + from + ": field " + field + " at byte " + at
            + " out of order or repeated");
      }
      lastField = field;
      if (tag == (1 << 3 | Protobuf.LENGTH_DELIMITED)) {
        byte[] cid = r.slice(r.lengthDelimited());
        try {
          hash = Cid.decode(cid);
        } catch (MultiformatsException | IllegalArgumentException e) {
          throw new UnixFsException("dag-pb link at byte " + from + ": bad CID: " + e.getMessage(), e);
        }
      } else if (tag == (2 << 3 | Protobuf.LENGTH_DELIMITED)) {
        byte[] utf8 = r.slice(r.lengthDelimited());
        try {
          name = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
          throw new UnixFsException("dag-pb link at byte " + from + ": name is not UTF-8", e);
        }
      } else if (tag == (3 << 3 | Protobuf.VARINT)) {
        tsize = r.varint();
      } else {
        throw new UnixFsException("dag-pb link at byte " + from + ": unexpected field tag " + tag + " at byte " + at);
      }
    }
    if (hash == null) {
      throw new UnixFsException("dag-pb link at byte " + from + " has no Hash");
    }
    return new PbLink(hash, name, tsize);
  }
}
