package dev.compose2bake.compose;

import dev.compose2bake.source.Position;
import dev.compose2bake.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The typed Compose model: what a bake definition depends on, after loading and decoding. Services
 * are sorted by name; values keep their positions for later diagnostics.
 */
public record ComposeProject(
    String name,
    Path projectDir,
    Environment environment,
    SortedMap<String, Service> services,
    Map<String, SecretDef> secrets,
    List<SourceFile> files,
    List<String> activeProfiles,
    List<SourceFile> bakeFiles,
    List<RequiredVariable> requiredVariables) {

  /** A service: its image, build section (null when it has none), resolved environment, profiles. */
  public record Service(
      String name,
      Position position,
      Text image,
      Build build,
      Map<String, Text> environment,
      List<String> profiles) {}

  /** A top-level secret definition. */
  public record SecretDef(String name, Position position, PathText file, Text environment, boolean external) {}

  /** One entry of build.secrets. */
  public record SecretRef(Text source, Text target, Position position) {}

  /** One ulimit: a single value, or soft and hard limits. */
  public record Ulimit(String name, Long single, Long soft, Long hard, Position position) {}

  /** The build section of a service, in compose-go's long form. */
  public record Build(
      Position position,
      PathText context,
      Text dockerfile,
      Text dockerfileInline,
      Map<String, Text> args,
      Map<String, PathText> ssh,
      List<Text> cacheFrom,
      List<Text> cacheTo,
      Map<String, PathText> additionalContexts,
      Map<String, List<Text>> extraHosts,
      Map<String, Text> labels,
      Boolean noCache,
      Boolean pull,
      Text network,
      Long shmSize,
      Position shmSizePosition,
      Text target,
      List<SecretRef> secrets,
      List<Text> tags,
      List<Ulimit> ulimits,
      List<Text> platforms,
      List<Text> entitlements,
      Boolean privileged,
      Text isolation,
      Text sbom,
      Text provenance,
      dev.compose2bake.source.Node xbake,
      Path baseDir) {}
}
