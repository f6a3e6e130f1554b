package dev.compose2bake;

import dev.compose2bake.compose.ComposeProject;
import dev.compose2bake.compose.Decoder;
import dev.compose2bake.compose.LoadRequest;
import dev.compose2bake.compose.LoadedProject;
import dev.compose2bake.compose.ProjectLoader;
import dev.compose2bake.diag.CompileException;
import dev.compose2bake.diag.Diagnostics;
import dev.compose2bake.emit.Document;
import dev.compose2bake.emit.DocumentBuilder;
import dev.compose2bake.emit.Expressions;
import dev.compose2bake.emit.HclWriter;
import dev.compose2bake.emit.JsonWriter;
import dev.compose2bake.lower.BakeFiles;
import dev.compose2bake.lower.Lowering;
import dev.compose2bake.lower.PathMapper;
import dev.compose2bake.lower.Selection;
import dev.compose2bake.lower.VariablePlan;
import dev.compose2bake.model.BakeGroup;
import dev.compose2bake.model.BakeProject;
import dev.compose2bake.model.BakeTarget;
import dev.compose2bake.model.BakeVariable;
import dev.compose2bake.source.SourceFile;
import dev.compose2bake.source.YamlLimits;
import dev.compose2bake.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole pipeline on one screen: load the Compose project, decode it into the typed model,
 * check it, lower it to bake targets, select, and emit HCL or JSON from one tree. Each stage
 * reports into the diagnostics and the pipeline stops after a stage that found errors. Nothing here
 * prints or exits; the command line does that.
 */
public final class Compiler {

  /** The output formats. */
  public enum Format {
    HCL,
    JSON
  }

  /** What to compile and how to write it. */
  public record Options(
      LoadRequest load,
      List<String> services,
      Format format,
      Path outputDir,
      List<String> commandLine,
      boolean resolve,
      VariablePlan.EnvDefaults envDefaults) {}

  /** The result: the file's text (null on failure), the IR, and every diagnostic. */
  public record Result(String output, BakeProject project, ComposeProject compose, Diagnostics diagnostics,
      boolean ioError) {
    public boolean ok() {
      return output != null;
    }
  }

  private final YamlLimits limits;

  public Compiler(YamlLimits limits) {
    this.limits = limits;
  }

  public Result compile(Options options) {
    Diagnostics diags = new Diagnostics();
    try {
      LoadedProject loaded = new ProjectLoader(limits).load(options.load(), diags);
      if (diags.hasErrors()) {
        return failed(diags, null, false);
      }
      ComposeProject compose = new Decoder(diags).decode(loaded);
      if (diags.hasErrors()) {
        return failed(diags, compose, false);
      }
      Validator.checkCompose(compose, diags);
      if (diags.hasErrors()) {
        return failed(diags, compose, false);
      }
      PathMapper paths = new PathMapper(options.outputDir(), options.load().processEnv().get("HOME"));
      List<BakeTarget> targets = new Lowering(diags, paths, options.resolve()).lower(compose);
      if (diags.hasErrors()) {
        return failed(diags, compose, false);
      }
      if (targets.isEmpty()) {
        diags.error(null, "no service of this project has a build section, so there is nothing to bake",
            "add build: to the services whose images you build");
        return failed(diags, compose, false);
      }
      List<BakeGroup> extraGroups = List.of();
      if (!compose.bakeFiles().isEmpty()) {
        BakeFiles.Applied applied = new BakeFiles(diags).apply(compose.bakeFiles(), targets);
        targets = applied.targets();
        extraGroups = applied.groups();
        if (diags.hasErrors()) {
          return failed(diags, compose, false);
        }
      }
      Validator.checkTargets(compose, targets, diags);
      Selection.Result selection = Selection.select(compose, targets, extraGroups, options.services(), diags);
      if (diags.hasErrors()) {
        return failed(diags, compose, false);
      }
      List<String> files = new ArrayList<>();
      Path outDir = options.outputDir().toAbsolutePath().normalize();
      for (SourceFile f : compose.files()) {
        files.add(f.path() == null ? "standard input" : relativeName(outDir, f.path()));
      }
      for (SourceFile f : compose.bakeFiles()) {
        files.add(relativeName(outDir, f.path()));
      }
      DocumentBuilder builder;
      List<BakeVariable> variables = List.of();
      if (options.resolve()) {
        builder = DocumentBuilder.resolved();
      } else {
        VariablePlan.Plan plan = VariablePlan.build(compose, selection.targets(), options.envDefaults(),
            options.outputDir(), diags);
        variables = plan.variables();
        builder = DocumentBuilder.kept(new Expressions(plan));
      }
      BakeProject project = new BakeProject(selection.groups(), selection.targets(), variables, files);
      Document doc = builder.build(project, header(files, options.commandLine()));
      String text = options.format() == Format.JSON ? new JsonWriter().write(doc) : new HclWriter().write(doc);
      return new Result(text, project, compose, diags, false);
    } catch (CompileException e) {
      diags.add(e.diagnostic());
      return failed(diags, null, e.isIoError());
    } catch (ProjectLoader.StageFailed e) {
      return failed(diags, null, false);
    }
  }

  private static String relativeName(Path dir, Path file) {
    return dir.relativize(file).toString();
  }

  private static Result failed(Diagnostics diags, ComposeProject compose, boolean io) {
    return new Result(null, null, compose, diags, io);
  }

  private static List<String> header(List<String> files, List<String> commandLine) {
    List<String> h = new ArrayList<>();
    h.add("Generated by compose2bake from " + String.join(", ", files) + ". Do not edit by hand.");
    h.add("Regenerate from this folder: " + String.join(" ", commandLine));
    return h;
  }
}
