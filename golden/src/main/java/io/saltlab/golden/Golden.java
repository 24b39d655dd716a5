package io.saltlab.golden;

import io.saltlab.core.KubernetesVersion;
import io.saltlab.core.render.Manifests;
import io.saltlab.topology.SaltLab;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.approvaltests.Approvals;
import org.approvaltests.core.ApprovalFailureReporter;
import org.approvaltests.core.Options;
import org.approvaltests.core.VerifyResult;
import org.approvaltests.namer.ApprovalNamer;

/**
 * Golden-file checks of rendered labs on ApprovalTests, with the two rules a repository needs:
 * files are compared byte for byte, and on CI ({@code CI=true}) nothing is ever approved: a missing
 * approved file fails the test instead of passing it.
 *
 * <p>Approved files live under {@code src/test/resources} in the test's package, named {@code
 * <TestClass>.<testMethod>.<target>.approved.yaml}. To approve a change locally, review the {@code
 * .received.yaml} file and rename it, or run the tests once with {@code SALTLAB_APPROVE=true}
 * (refused when {@code CI=true}).
 */
public final class Golden {

  private Golden() {}

  /**
   * Renders a lab for a target and compares the multi-document YAML with the approved file.
   *
   * @param lab the lab under test
   * @param target the Kubernetes version, for example {@code 1.36}
   * @throws AssertionError when the output differs from the approved file or none exists
   */
  public static void verify(SaltLab lab, String target) {
    verify(lab.render(KubernetesVersion.of(target)));
  }

  /**
   * Compares rendered manifests with the approved file named after their target.
   *
   * @param manifests rendered output
   * @throws AssertionError when the output differs from the approved file or none exists
   */
  public static void verify(Manifests manifests) {
    verify(manifests.toYaml(), manifests.target().toString(), ".yaml");
  }

  /**
   * Compares any text with an approved file named {@code <TestClass>.<testMethod>.<variant><ext>}.
   *
   * @param text the text under test
   * @param variant a name part that tells variants of one test apart, such as the target version
   * @param extension file extension with its dot, such as {@code .yaml}
   * @throws AssertionError when the text differs from the approved file or none exists
   */
  public static void verify(String text, String variant, String extension) {
    ApprovalNamer namer = new ResourcesNamer(Approvals.createApprovalNamer(), variant);
    Options options =
        new Options()
            .withReporter(new FailingReporter())
            .withComparator(Golden::sameBytes)
            .forFile()
            .withExtension(extension)
            .forFile()
            .withNamer(namer);
    File approved = namer.getApprovedFile(extension);
    if (isCi() && !approved.exists()) {
      throw new AssertionError(
          "no approved golden file "
              + approved
              + "; CI never creates one: render and approve it locally, then commit it");
    }
    if (approveRequested() && !isCi()) {
      try {
        Approvals.verify(text, options);
      } catch (RuntimeException | Error differed) {
        // The reporter has just copied the received file over the approved one: if they now hold
        // the same bytes the change is approved and this run passes, without the received file.
        File received = namer.getReceivedFile(extension);
        if (sameBytes(received, approved) != VerifyResult.SUCCESS) {
          throw differed;
        }
        try {
          Files.delete(received.toPath());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot remove " + received + ": " + e.getMessage(), e);
        }
      }
      return;
    }
    Approvals.verify(text, options);
  }

  static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  static boolean approveRequested() {
    return "true".equalsIgnoreCase(System.getenv("SALTLAB_APPROVE"));
  }

  private static VerifyResult sameBytes(File received, File approved) {
    try {
      if (!approved.exists() || !received.exists()) {
        return VerifyResult.FAILURE;
      }
      return VerifyResult.from(
          Arrays.equals(
              Files.readAllBytes(received.toPath()), Files.readAllBytes(approved.toPath())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compare golden files: " + e.getMessage(), e);
    }
  }

  /**
   * Reports a difference without opening diff tools, and approves only when asked outside CI.
   * Approval through the environment is deliberate: a developer reviews the received file first.
   */
  private static final class FailingReporter implements ApprovalFailureReporter {
    @Override
    public boolean report(String received, String approved) {
      if (approveRequested() && !isCi()) {
        try {
          Files.createDirectories(Path.of(approved).getParent());
          Files.copy(Path.of(received), Path.of(approved), StandardCopyOption.REPLACE_EXISTING);
          System.out.println("approved " + approved);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot approve " + approved + ": " + e.getMessage(), e);
        }
        return true;
      }
      System.err.println(
          "golden file differs or is missing:\n  received: "
              + received
              + "\n  approved: "
              + approved
              + "\n  review with: diff -u '"
              + approved
              + "' '"
              + received
              + "'"
              + "\n  approve with: mv '"
              + received
              + "' '"
              + approved
              + "' (or SALTLAB_APPROVE=true)");
      return false;
    }
  }

  /** Puts approved files under src/test/resources rather than beside the test's source. */
  private static final class ResourcesNamer implements ApprovalNamer {
    private final ApprovalNamer base;
    private final String variant;

    ResourcesNamer(ApprovalNamer base, String variant) {
      this.base = base;
      this.variant = variant;
    }

    @Override
    public String getApprovalName() {
      return base.getApprovalName() + "." + variant;
    }

    @Override
    public String getSourceFilePath() {
      String source = base.getSourceFilePath();
      String sep = File.separator;
      return source.replace(
          sep + "src" + sep + "test" + sep + "java" + sep,
          sep + "src" + sep + "test" + sep + "resources" + sep);
    }

    @Override
    public File getApprovedFile(String extensionWithDot) {
      return new File(getSourceFilePath(), getApprovalName() + ".approved" + extensionWithDot);
    }

    @Override
    public File getReceivedFile(String extensionWithDot) {
      return new File(getSourceFilePath(), getApprovalName() + ".received" + extensionWithDot);
    }

    @Override
    public ApprovalNamer addAdditionalInformation(String info) {
      return new ResourcesNamer(base, variant + "." + info);
    }

    @Override
    public String getAdditionalInformation() {
      return variant;
    }
  }
}
