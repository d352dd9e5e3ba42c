package venus.market.core.unixfs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import venus.market.core.car.CarV1Writer;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;

/**
 * The CARv1 that lotus {@code generate-car} / ClientGenCar writes for a file: import it (see {@link
 * UnixFsImporter}), then write header roots [root] and the blocks in depth-first pre-order from the root, children in
 * link order, each CID once (first occurrence), identity blocks included.
 *
 * <p>Two passes over the file, as lotus does with its filestore: the first keeps only the dag-pb nodes and where each
 * raw leaf lies in the file; the second re-reads the leaves in traversal order. Memory is the internal nodes only
 * (about 48 bytes per MiB of file).
 */
public final class CarGenerator {

  private final UnixFsImporter importer;

  public CarGenerator() {
    this(new UnixFsImporter());
  }

  public CarGenerator(UnixFsImporter importer) {
    this.importer = importer;
  }

  private record LeafRef(long offset, int length) {
  }

  /** Writes the CAR of {@code file} to {@code out} (not closed) and returns the import result. */
  public ImportResult generate(Path file, OutputStream out) throws IOException {
    Map<Cid, byte[]> nodes = new HashMap<>();
    Map<Cid, LeafRef> leaves = new HashMap<>();
    ImportResult result;
    try (InputStream in = Files.newInputStream(file)) {
      result = importer.importFile(in, (cid, block, off, len, fileOffset) -> {
        if (cid.codec() == Multicodec.DAG_PB) {
          byte[] copy = new byte[len];
          System.arraycopy(block, off, copy, 0, len);
          nodes.putIfAbsent(cid, copy);
        } else {
          leaves.putIfAbsent(cid, new LeafRef(fileOffset, len));
        }
      });
    }
    CarV1Writer car = new CarV1Writer(out, List.of(result.root()));
    Set<Cid> written = new HashSet<>();
    ArrayDeque<Cid> stack = new ArrayDeque<>();
    stack.push(result.root());
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      while (!stack.isEmpty()) {
        Cid c = stack.pop();
        if (!written.add(c)) {
          continue;
        }
        byte[] block = blockOf(c, nodes, leaves, ch, file);
        car.write(c, block);
        if (c.codec() == Multicodec.DAG_PB) {
          List<PbLink> links = PbNode.decode(block).links();
          for (int i = links.size() - 1; i >= 0; i--) {
            stack.push(links.get(i).hash());
          }
        }
      }
    }
    return result;
  }

  private static byte[] blockOf(Cid c, Map<Cid, byte[]> nodes, Map<Cid, LeafRef> leaves, FileChannel ch, Path file)
      throws IOException {
    if (c.multihash().code() == Multicodec.IDENTITY) {
      return c.multihash().digest();
    }
    byte[] node = nodes.get(c);
    if (node != null) {
      return node;
    }
    LeafRef ref = leaves.get(c);
    if (ref == null) {
      throw new UnixFsException("internal error: block " + c + " of the imported DAG was not recorded");
    }
    ByteBuffer buf = ByteBuffer.allocate(ref.length);
    while (buf.hasRemaining()) {
      if (ch.read(buf, ref.offset + buf.position()) < 0) {
        throw new UnixFsException("file " + file + " shrank while generating its CAR: leaf " + c + " at offset "
            + ref.offset + " is gone");
      }
    }
    return buf.array();
  }
}
