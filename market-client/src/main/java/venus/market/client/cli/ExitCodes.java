package venus.market.client.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import venus.market.client.data.DataException;
import venus.market.client.imports.ImportNotFoundException;
import venus.market.core.MarketException;
import venus.market.core.car.CarException;
import venus.market.core.piece.PieceException;
import venus.market.core.unixfs.UnixFsException;

/**
 * The one place that turns a failure into an exit code and a one-line message for stderr. Scripts can tell
 * "nothing there" (3) from "there but unusable" (4) from an I/O failure (5).
 */
public final class ExitCodes {

  public static final int OK = 0;
  /** Any other failure. */
  public static final int FAILURE = 1;
  /** Bad command line (picocli's default for parameter errors). */
  public static final int USAGE = 2;
  /** An input file or import ID does not exist or may not be read. */
  public static final int NOT_FOUND = 3;
  /** The input exists but is not valid for the command (not a CAR, a directory, several roots…). */
  public static final int BAD_DATA = 4;
  /** Reading or writing failed. */
  public static final int IO = 5;

  private ExitCodes() {
  }

  public static int of(Throwable t) {
    Throwable e = unwrap(t);
    if (e instanceof NoSuchFileException || e instanceof FileNotFoundException || e instanceof AccessDeniedException
        || e instanceof ImportNotFoundException) {
      return NOT_FOUND;
    }
    if (e instanceof DataException || e instanceof CarException || e instanceof UnixFsException
        || e instanceof PieceException) {
      return BAD_DATA;
    }
    if (e instanceof IOException) {
      return IO;
    }
    return FAILURE;
  }

  /** One line for the operator: what failed and on which file, without Java class names where avoidable. */
  public static String message(Throwable t) {
    Throwable e = unwrap(t);
    String msg;
    if (e instanceof NoSuchFileException f) {
      msg = "no such file or directory: " + f.getFile();
    } else if (e instanceof AccessDeniedException f) {
      msg = "permission denied: " + f.getFile();
    } else if (e instanceof FileAlreadyExistsException f) {
      msg = "file exists: " + f.getFile();
    } else if (e instanceof NotDirectoryException f) {
      msg = "not a directory: " + f.getFile();
    } else if (e instanceof FileSystemException f) {
      msg = f.getFile() + ": " + (f.getReason() != null ? f.getReason() : e.getClass().getSimpleName());
    } else if (e instanceof MarketException || e instanceof IOException) {
      msg = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    } else {
      msg = e.getMessage() != null ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.toString();
    }
    return msg.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }

  private static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while (e instanceof UncheckedIOException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
