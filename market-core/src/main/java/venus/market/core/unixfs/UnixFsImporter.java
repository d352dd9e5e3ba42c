package venus.market.core.unixfs;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import venus.market.core.multiformats.Cid;
import venus.market.core.multiformats.Multicodec;

/**
 * Imports a file as lotus {@code client import} does (lotus lib/unixfs on boxo's balanced importer): fixed 1 MiB
 * chunks, raw leaves, balanced layout with up to 1024 links per node, CIDv1 blake2b-256 with blocks of at most 126
 * bytes inlined as identity CIDs, no file metadata. Streams: holds one chunk plus the open node of each level.
 *
 * <p>Layout (boxo balanced builder): the first leaf is the root; while data remains, a new root of depth d gets the
 * old root as its first child and is filled depth-first with full subtrees of depth d-1.
 */
public final class UnixFsImporter {

  /** lotus UnixfsChunkSize. */
  public static final int CHUNK_SIZE = 1 << 20;
  /** lotus UnixfsLinksPerLevel (not go-unixfs's default of 174). */
  public static final int MAX_LINKS = 1024;

  private final int chunkSize;
  private final int maxLinks;

  /** The lotus parameters. */
  public UnixFsImporter() {
    this(CHUNK_SIZE, MAX_LINKS);
  }

  /** Other parameters, e.g. small ones so tests reach deep trees with little data. */
  public UnixFsImporter(int chunkSize, int maxLinks) {
    if (chunkSize < 1 || maxLinks < 2) {
      throw new IllegalArgumentException("chunk size must be >= 1 and links per node >= 2");
    }
    this.chunkSize = chunkSize;
    this.maxLinks = maxLinks;
  }

  public ImportResult importFile(InputStream in, BlockSink sink) throws IOException {
    return new Run(in, sink).layout();
  }

  /** A child as its parent records it: CID, Tsize (cumulative block bytes) and file bytes beneath. */
  private record Child(Cid cid, long tsize, long fileSize) {
  }

  private final class Run {
    private final InputStream in;
    private final BlockSink sink;
    private final byte[] chunk = new byte[chunkSize];
    private int chunkLength = -1;
    private long offset;

    Run(InputStream in, BlockSink sink) {
      this.in = in;
      this.sink = sink;
    }

    ImportResult layout() throws IOException {
      if (done()) {
        Child empty = leaf();
        return new ImportResult(empty.cid, 0);
      }
      Child root = leaf();
      for (int depth = 1; !done(); depth++) {
        List<Child> children = new ArrayList<>();
        children.add(root);
        root = fill(children, depth);
      }
      return new ImportResult(root.cid, root.fileSize);
    }

    private Child fill(List<Child> children, int depth) throws IOException {
      while (children.size() < maxLinks && !done()) {
        children.add(depth == 1 ? leaf() : fill(new ArrayList<>(), depth - 1));
      }
      return commit(children);
    }

    private Child commit(List<Child> children) throws IOException {
      List<PbLink> links = new ArrayList<>(children.size());
      List<Long> blocksizes = new ArrayList<>(children.size());
      long fileSize = 0;
      long tsize = 0;
      for (Child c : children) {
        links.add(new PbLink(c.cid, "", c.tsize));
        blocksizes.add(c.fileSize);
        fileSize += c.fileSize;
        tsize += c.tsize;
      }
      byte[] block = new PbNode(links, UnixFsData.file(fileSize, blocksizes).encode()).encode();
      Cid cid = InlineCids.of(Multicodec.DAG_PB, block);
      sink.put(cid, block, 0, block.length, -1);
      return new Child(cid, tsize + block.length, fileSize);
    }

    /** The next chunk (possibly empty, for an empty file) as a raw leaf. */
    private Child leaf() throws IOException {
      done();
      int n = chunkLength;
      Cid cid = InlineCids.of(Multicodec.RAW, chunk, 0, n);
      sink.put(cid, chunk, 0, n, offset);
      offset += n;
      chunkLength = -1;
      return new Child(cid, n, n);
    }

    /** Reads the next chunk ahead if needed; true when the input is exhausted. */
    private boolean done() throws IOException {
      if (chunkLength < 0) {
        chunkLength = in.readNBytes(chunk, 0, chunkSize);
      }
      return chunkLength == 0;
    }
  }
}
