package dev.compose2bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compose2bake.support.Guarded;
import dev.compose2bake.support.InProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secret hygiene under the default options: a token placed in {@code .env}, in the process
 * environment and in a secret file appears nowhere in the output bytes, in HCL or JSON. Build
 * secrets are written as references (id with env or src), never as values; the service's
 * environment and env_file values are not inlined anywhere.
 */
class SecretHygieneTest {
  private static final String DOTENV_TOKEN = "npm_DOTENV_5f2b8c1e9a";
  private static final String PROCESS_TOKEN = "npm_PROCESS_7d41e0b3c6";
  private static final String FILE_TOKEN = "npm_FILE_0a9e3d6f12";
  private static final String ENV_FILE_TOKEN = "npm_ENVFILE_3c8b1f7a90";

  @TempDir
  Path dir;

  private void project(String buildExtra) throws Exception {
    Files.writeString(dir.resolve(".env"), "NPM_TOKEN=" + DOTENV_TOKEN + "\nREGISTRY_PASSWORD=" + DOTENV_TOKEN + "\n");
    Files.writeString(dir.resolve("app.env"), "API_KEY=" + ENV_FILE_TOKEN + "\n");
    Files.writeString(dir.resolve("npmrc"), "//registry.npmjs.org/:_authToken=" + FILE_TOKEN + "\n");
    Files.writeString(dir.resolve("compose.yaml"), """
        services:
          web:
            image: example/web
            build:
              context: .
              secrets:
                - npm
                - source: npmrc
                  target: npmrc
              ssh: [default]
              x-bake:
                secret: ["id=registry,env=REGISTRY_PASSWORD"]
        """ + buildExtra + """
            environment:
              NPM_TOKEN: ${NPM_TOKEN}
              REGISTRY_PASSWORD:
            env_file: [app.env]
        secrets:
          npm:
            environment: NPM_TOKEN
          npmrc:
            file: ./npmrc
        """);
  }

  private String convert(String format) {
    InProcess.Run r = Guarded.run(dir, Map.of("HOME", "/home/user", "NPM_TOKEN", PROCESS_TOKEN,
        "REGISTRY_PASSWORD", PROCESS_TOKEN), "", List.of("-f", "compose.yaml", "--format", format, "-o",
        "docker-bake." + format));
    assertEquals(0, r.exitCode(), r.stderr());
    try {
      return Files.readString(dir.resolve("docker-bake." + format), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void assertNoToken(String output) {
    for (String token : List.of(DOTENV_TOKEN, PROCESS_TOKEN, FILE_TOKEN, ENV_FILE_TOKEN)) {
      assertFalse(output.contains(token), "token " + token + " written into the output:\n" + output);
    }
  }

  @Test
  void secretsAreReferencesAndNoTokenReachesTheOutput() throws Exception {
    project("");
    String hcl = convert("hcl");
    String json = convert("json");
    assertNoToken(hcl);
    assertNoToken(json);
    assertTrue(hcl.contains("{ id = \"npm\", env = \"NPM_TOKEN\" }"), hcl);
    assertTrue(hcl.contains("{ id = \"npmrc\", src = \"npmrc\" }"), hcl);
    assertTrue(hcl.contains("{ id = \"registry\", env = \"REGISTRY_PASSWORD\" }"), hcl);
    assertTrue(json.contains("\"env\": \"NPM_TOKEN\""), json);
  }

  @Test
  void labelsAndTagsFromOrdinaryVariablesAreNotTokens() throws Exception {
    // The same project with a label that uses an ordinary variable: only what the file asks for is written.
    project("""
              labels:
                com.example.commit: ${GIT_SHA:-unknown}
        """);
    String hcl = convert("hcl");
    assertNoToken(hcl);
    assertTrue(hcl.contains("\"com.example.commit\" = \"${GIT_SHA != \"\" ? GIT_SHA : \"unknown\"}\""), hcl);
  }

  /**
   * A build arg that interpolates a credential, or names one without a value, stays a bake
   * variable; under the default --env-defaults the credential's .env value is not written as its
   * default.
   */
  @Test
  void credentialsUsedInBuildArgsAreNotWrittenUnderTheDefaultOptions() throws Exception {
    project("""
              args:
                NPM_TOKEN: ${NPM_TOKEN}
                REGISTRY_PASSWORD:
        """);
    assertNoToken(convert("hcl"));
    assertNoToken(convert("json"));
  }
}
