package venus.market.daemon.offline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where import-data may read files from ({@code [PieceStorage] AllowedImportDirs}). Empty = any file the daemon
 * can read. Paths are compared after resolving symbolic links and "..", so a link inside an allowed directory that
 * points outside it is refused too.
 */
public final class ImportDirs {
  private final List<Path> allowed;

  public ImportDirs(List<String> dirs) {
    List<Path> out = new ArrayList<>();
    for (String d : dirs) {
      out.add(Path.of(d).toAbsolutePath().normalize());
    }
    this.allowed = List.copyOf(out);
  }

  public static ImportDirs any() {
    return new ImportDirs(List.of());
  }

  public boolean restricted() {
    return !allowed.isEmpty();
  }

  /**
   * The real path of a readable regular file the daemon may import.
   *
   * @throws ImportDataException naming the problem: relative path, missing, not a file, outside the allowed dirs
   */
  public Path check(String given) {
    if (given == null || given.isBlank()) {
      throw new ImportDataException("no file given: pass the path of the deal's CAR file");
    }
    Path p = Path.of(given);
    if (!p.isAbsolute()) {
      throw new ImportDataException("file path " + given + " is relative; the daemon opens the file itself, so"
          + " give an absolute path");
    }
    Path real;
    try {
      real = p.toRealPath();
    } catch (NoSuchFileException e) {
      throw new ImportDataException("file " + given + " does not exist on the daemon's host (the daemon opens the"
          + " path itself)");
    } catch (IOException e) {
      throw new ImportDataException("cannot open " + given + ": " + e.getMessage(), e);
    }
    if (restricted() && allowed.stream().noneMatch(dir -> inside(real, dir))) {
      throw new ImportDataException("file " + given + " is outside the directories import-data may read ("
          + String.join(", ", allowed.stream().map(Path::toString).toList())
          + "); move it there or add its directory to [PieceStorage] AllowedImportDirs");
    }
    if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
      throw new ImportDataException("file " + given + " is not a regular file");
    }
    if (!Files.isReadable(real)) {
      throw new ImportDataException("file " + given + " is not readable by the daemon's user");
    }
    return real;
  }

  private static boolean inside(Path real, Path dir) {
    Path d;
    try {
      d = dir.toRealPath();
    } catch (IOException e) {
      return false; // a configured directory that does not exist allows nothing
    }
    return real.startsWith(d) && !real.equals(d);
  }

  @Override
  public String toString() {
    return restricted() ? allowed.toString() : "any";
  }
}
