package org.probationlens.kernel.magic;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Profile;
import org.apache.maven.settings.Repository;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.ArtifactTransferException;
import org.eclipse.aether.transfer.RepositoryOfflineException;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;

/**
 * What {@code %maven} does: resolves Maven coordinates with their runtime dependencies through
 * Maven's own resolver (maven-resolver, wired as Maven 3 wires it), configured from the user's
 * Maven settings as {@code mvn} reads them: the user's {@code ~/.m2/settings.xml} over the global
 * one of the Maven installation, their local repository, offline mode, mirrors, proxies, the
 * servers' user names and passwords, and the repositories of the active profiles, after Maven
 * Central. Only {@link Magics} uses it, and only when a cell says {@code %maven}, so the resolver's
 * classes are not loaded before then.
 */
final class MavenDependencies {

  /** Maven Central, as Maven's super POM names it (so mirrors of "central" apply to it). */
  static final String CENTRAL_ID = "central";

  static final String CENTRAL_URL = "https://repo.maven.apache.org/maven2/";

  /** What {@code %maven} was asked for: coordinates and how to read the settings. */
  record Request(List<String> coordinates, Optional<Path> userSettings, boolean offline) {}

  /** One jar resolved: its coordinates and where it is in the local repository. */
  record Jar(String coordinates, Path file) {}

  /** The jars resolved, requested ones first, with what they were resolved through. */
  record Resolution(List<Jar> jars, String from) {}

  private MavenDependencies() {}

  /**
   * Parses the arguments of {@code %maven}: {@code [-s SETTINGS] [-o] GROUP:ARTIFACT:VERSION...}
   * (also {@code group:artifact:extension[:classifier]:version}), as mvn's own -s and -o.
   */
  static Request parse(String args) throws IllegalArgumentException {
    List<String> words = args.isBlank() ? List.of() : List.of(args.strip().split("\\s+"));
    Optional<Path> settings = Optional.empty();
    boolean offline = false;
    List<String> coordinates = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (word.equals("-s") || word.equals("--settings")) {
        if (i + 1 == words.size()) {
          throw new IllegalArgumentException(word + " needs a settings file");
        }
        settings = Optional.of(Path.of(words.get(++i)).toAbsolutePath().normalize());
      } else if (word.equals("-o") || word.equals("--offline")) {
        offline = true;
      } else if (word.startsWith("-")) {
        throw new IllegalArgumentException(
            "unknown option " + word + " (expected -s SETTINGS or -o)");
      } else {
        int parts = word.split(":", -1).length;
        if (parts < 3 || parts > 5 || word.contains("::") || word.endsWith(":")) {
          throw new IllegalArgumentException(
              word
                  + " is not Maven coordinates: expected GROUP:ARTIFACT:VERSION, such as"
                  + " org.duckdb:duckdb_jdbc:1.1.3");
        }
        coordinates.add(word);
      }
    }
    if (coordinates.isEmpty()) {
      throw new IllegalArgumentException(
          "expected GROUP:ARTIFACT:VERSION, such as %maven org.duckdb:duckdb_jdbc:1.1.3");
    }
    return new Request(List.copyOf(coordinates), settings, offline);
  }

  /** The settings file {@code mvn} reads for the user: {@code ~/.m2/settings.xml}. */
  static Path defaultUserSettings() {
    return Path.of(System.getProperty("user.home"), ".m2", "settings.xml");
  }

  /**
   * The Maven installation's own settings ({@code conf/settings.xml} under {@code $MAVEN_HOME}, or
   * under the installation whose {@code mvn} is on the PATH), if there is one.
   */
  static Optional<Path> globalSettings() {
    List<Path> homes = new ArrayList<>();
    Optional.ofNullable(System.getenv("MAVEN_HOME")).map(Path::of).ifPresent(homes::add);
    Optional.ofNullable(System.getenv("M2_HOME")).map(Path::of).ifPresent(homes::add);
    for (String dir :
        Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator)) {
      Path mvn = Path.of(dir.isEmpty() ? "." : dir, "mvn");
      if (Files.isExecutable(mvn)) {
        try {
          homes.add(mvn.toRealPath().getParent().getParent());
        } catch (java.io.IOException | RuntimeException e) {
          // an unreadable link on the PATH: not a Maven installation
        }
        break;
      }
    }
    return homes.stream()
        .map(home -> home.resolve("conf").resolve("settings.xml"))
        .filter(Files::isRegularFile)
        .findFirst();
  }

  /** The settings as {@code mvn} would use them: the user's file over the global one. */
  static Settings settings(Path userSettings, Optional<Path> global)
      throws IllegalArgumentException {
    DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
    request.setUserSettingsFile(userSettings.toFile());
    global.ifPresent(g -> request.setGlobalSettingsFile(g.toFile()));
    Properties system = new Properties();
    system.putAll(System.getProperties());
    System.getenv().forEach((k, v) -> system.setProperty("env." + k, v));
    request.setSystemProperties(system);
    try {
      return new DefaultSettingsBuilderFactory()
          .newInstance()
          .build(request)
          .getEffectiveSettings();
    } catch (SettingsBuildingException e) {
      throw new IllegalArgumentException(
          "cannot read the Maven settings " + userSettings + ": " + e.getMessage().strip());
    }
  }

  /** The local repository the settings name, else {@code ~/.m2/repository}, as mvn's default. */
  static Path localRepository(Settings settings) {
    String configured = settings.getLocalRepository();
    return configured == null || configured.isBlank()
        ? Path.of(System.getProperty("user.home"), ".m2", "repository")
        : Path.of(configured).toAbsolutePath().normalize();
  }

  /**
   * The repositories searched, before mirrors: Maven Central, then those of the settings' active
   * profiles (listed in activeProfiles, or active by default), in their order.
   */
  static List<RemoteRepository> repositories(Settings settings) {
    List<RemoteRepository> repositories = new ArrayList<>();
    repositories.add(
        new RemoteRepository.Builder(CENTRAL_ID, "default", CENTRAL_URL)
            .setSnapshotPolicy(new RepositoryPolicy(false, null, null))
            .build());
    Set<String> active = new LinkedHashSet<>(settings.getActiveProfiles());
    for (Profile profile : settings.getProfiles()) {
      boolean byDefault =
          profile.getActivation() != null && profile.getActivation().isActiveByDefault();
      if (!active.contains(profile.getId()) && !byDefault) {
        continue;
      }
      for (Repository r : profile.getRepositories()) {
        RemoteRepository.Builder b =
            new RemoteRepository.Builder(
                r.getId(), r.getLayout() == null ? "default" : r.getLayout(), r.getUrl());
        if (r.getReleases() != null) {
          b.setReleasePolicy(new RepositoryPolicy(r.getReleases().isEnabled(), null, null));
        }
        if (r.getSnapshots() != null) {
          b.setSnapshotPolicy(new RepositoryPolicy(r.getSnapshots().isEnabled(), null, null));
        }
        repositories.add(b.build());
      }
    }
    return repositories;
  }

  /**
   * Resolves the request's coordinates and their runtime dependencies.
   *
   * @throws IllegalArgumentException with a message naming the coordinates, the repositories tried
   *     and the local repository, when something cannot be resolved or the settings cannot be read
   */
  static Resolution resolve(Request request) throws IllegalArgumentException {
    Path userSettings = request.userSettings().orElseGet(MavenDependencies::defaultUserSettings);
    Settings settings = settings(userSettings, globalSettings());
    boolean offline = request.offline() || settings.isOffline();
    Path local = localRepository(settings);

    DefaultMirrorSelector mirrors = new DefaultMirrorSelector();
    for (Mirror m : settings.getMirrors()) {
      mirrors.add(
          m.getId(),
          m.getUrl(),
          m.getLayout(),
          false,
          m.isBlocked(),
          m.getMirrorOf(),
          m.getMirrorOfLayouts());
    }
    DefaultProxySelector proxies = new DefaultProxySelector();
    for (org.apache.maven.settings.Proxy p : settings.getProxies()) {
      if (p.isActive()) {
        AuthenticationBuilder auth = new AuthenticationBuilder();
        auth.addUsername(p.getUsername()).addPassword(p.getPassword());
        proxies.add(
            new Proxy(p.getProtocol(), p.getHost(), p.getPort(), auth.build()),
            p.getNonProxyHosts());
      }
    }
    DefaultAuthenticationSelector credentials = new DefaultAuthenticationSelector();
    for (Server s : settings.getServers()) {
      credentials.add(
          s.getId(),
          new AuthenticationBuilder()
              .addUsername(s.getUsername())
              .addPassword(s.getPassword())
              .addPrivateKey(s.getPrivateKey(), s.getPassphrase())
              .build());
    }

    RepositorySystem system = new RepositorySystemSupplier().get();
    try (RepositorySystemSession.CloseableSession session =
        new SessionBuilderSupplier(system)
            .get()
            .withLocalRepositoryBaseDirectories(local)
            .setOffline(offline)
            .setMirrorSelector(mirrors)
            .setProxySelector(proxies)
            .setAuthenticationSelector(credentials)
            .setSystemProperties(System.getProperties())
            .build()) {
      List<RemoteRepository> repositories =
          system.newResolutionRepositories(session, repositories(settings));
      String from = describe(repositories, local, offline, userSettings);
      CollectRequest collect = new CollectRequest();
      List<Artifact> requested = new ArrayList<>();
      for (String coordinates : request.coordinates()) {
        Artifact artifact;
        try {
          artifact = new DefaultArtifact(coordinates);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(coordinates + ": " + e.getMessage());
        }
        requested.add(artifact);
        collect.addDependency(new Dependency(artifact, "runtime"));
      }
      collect.setRepositories(repositories);
      List<ArtifactResult> results;
      try {
        results =
            system
                .resolveDependencies(session, new DependencyRequest(collect, null))
                .getArtifactResults();
      } catch (DependencyResolutionException e) {
        throw new IllegalArgumentException(failure(request.coordinates(), e, from));
      }
      List<Jar> jars = new ArrayList<>();
      for (ArtifactResult result : results) {
        Artifact a = result.getArtifact();
        if (a != null && a.getPath() != null && "jar".equals(a.getExtension())) {
          jars.add(new Jar(a.toString(), a.getPath()));
        }
      }
      return new Resolution(List.copyOf(jars), from);
    }
  }

  /** The repositories tried, after mirrors, and the local repository, for messages. */
  private static String describe(
      List<RemoteRepository> repositories, Path local, boolean offline, Path userSettings) {
    StringBuilder b = new StringBuilder();
    b.append("local repository ").append(local);
    for (RemoteRepository r : repositories) {
      b.append("; ").append(r.getId()).append(" (").append(r.getUrl());
      if (!r.getMirroredRepositories().isEmpty()) {
        b.append(", mirror of ")
            .append(
                String.join(
                    ", ",
                    r.getMirroredRepositories().stream().map(RemoteRepository::getId).toList()));
      }
      b.append(')');
    }
    b.append(offline ? "; offline" : "");
    b.append(
        String.format(
            Locale.ROOT,
            " (settings: %s%s)",
            userSettings,
            Files.isRegularFile(userSettings) ? "" : ", not present"));
    return b.toString();
  }

  /** Says which artifact was missing, from where, and why; names what was asked for. */
  private static String failure(List<String> asked, DependencyResolutionException e, String from) {
    String missing = null;
    String reason = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ArtifactTransferException transfer && missing == null) {
        missing = transfer.getArtifact().toString();
      }
      if (t instanceof org.eclipse.aether.resolution.ArtifactResolutionException r) {
        for (ArtifactResult result : r.getResults()) {
          for (Exception x : result.getExceptions()) {
            if (x instanceof ArtifactTransferException transfer && missing == null) {
              missing = transfer.getArtifact().toString();
              reason = x.getMessage();
            }
          }
        }
      }
      reason = reason == null && t.getCause() == null ? t.getMessage() : reason;
    }
    List<Throwable> causes = new ArrayList<>();
    if (e.getResult() != null) {
      e.getResult().getArtifactResults().forEach(r -> causes.addAll(r.getExceptions()));
    }
    boolean offline = false;
    boolean notFound = false;
    for (Throwable x : causes) {
      notFound |= x instanceof ArtifactNotFoundException;
      for (Throwable t = x; t != null; t = t.getCause()) {
        offline |= t instanceof RepositoryOfflineException;
      }
    }
    String what;
    if (missing == null) {
      what = "cannot be resolved";
    } else if (offline) {
      what = "not in the local repository, and Maven is offline (settings or -o): " + missing;
    } else if (notFound) {
      what = "not found: " + missing;
    } else {
      what = "cannot get " + missing;
    }
    String said = (reason == null ? e.getMessage() : reason).strip();
    return String.join(" ", asked)
        + ": "
        + what
        + ". Tried: "
        + from
        + ". The resolver said: "
        + said
        + (said.endsWith(".") ? "" : ".")
        + " Nothing was added to the class path.";
  }
}
