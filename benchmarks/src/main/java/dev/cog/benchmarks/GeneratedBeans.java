package dev.cog.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.springframework.util.FileSystemUtils;

import dev.cog.Concurrent;

/**
 * Bean classes with many {@code @Concurrent} methods, written and compiled at run time so that
 * every method is a distinct one, as in a real application; each {@link #load()} defines them
 * afresh in a new class loader, so no run reuses another's classes or proxies.
 */
final class GeneratedBeans implements AutoCloseable {

	static final int METHODS_PER_CLASS = 50;

	private static final String PACKAGE = "dev.cog.benchmarks.generated";

	private final Path directory;

	private final int classes;

	private GeneratedBeans(Path directory, int classes) {
		this.directory = directory;
		this.classes = classes;
	}

	/**
	 * Write and compile enough classes for the given number of annotated methods.
	 * @param methods how many annotated methods, a multiple of {@link #METHODS_PER_CLASS}
	 * @return the compiled classes
	 * @throws IOException if they cannot be written
	 */
	static GeneratedBeans compile(int methods) throws IOException {
		if (methods % METHODS_PER_CLASS != 0) {
			throw new IllegalArgumentException("methods must be a multiple of " + METHODS_PER_CLASS);
		}
		Path directory = Files.createTempDirectory("cog-startup");
		int classes = methods / METHODS_PER_CLASS;
		List<String> sources = new ArrayList<>();
		for (int i = 0; i < classes; i++) {
			Path source = directory.resolve("Model" + i + ".java");
			Files.writeString(source, source(i));
			sources.add(source.toString());
		}
		if (!sources.isEmpty()) {
			JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
			if (javac == null) {
				throw new IllegalStateException("The startup benchmark needs a JDK, not a JRE: it compiles its beans");
			}
			String classPath = Path.of(location(Concurrent.class)).toString();
			List<String> arguments = new ArrayList<>(List.of("-classpath", classPath, "-d", directory.toString(),
					"-proc:none", "--release", "17"));
			arguments.addAll(sources);
			if (javac.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
				throw new IllegalStateException("The generated beans did not compile");
			}
		}
		return new GeneratedBeans(directory, classes);
	}

	/**
	 * Define the classes in a new class loader.
	 * @return the loader and its classes
	 */
	Loaded load() {
		try {
			URLClassLoader loader = new URLClassLoader(new URL[] { this.directory.toUri().toURL() },
					GeneratedBeans.class.getClassLoader());
			List<Class<?>> types = new ArrayList<>();
			for (int i = 0; i < this.classes; i++) {
				types.add(loader.loadClass(PACKAGE + ".Model" + i));
			}
			return new Loaded(loader, types);
		}
		catch (IOException | ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		FileSystemUtils.deleteRecursively(this.directory);
	}

	private static String source(int index) {
		StringBuilder source = new StringBuilder("package " + PACKAGE + ";\n\npublic class Model" + index + " {\n");
		for (int m = 0; m < METHODS_PER_CLASS; m++) {
			source.append("\t@dev.cog.Concurrent\n\tpublic int predict").append(m).append("(int x) {\n\t\treturn x;\n\t}\n");
		}
		return source.append("}\n").toString();
	}

	private static URI location(Class<?> type) {
		try {
			return type.getProtectionDomain().getCodeSource().getLocation().toURI();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The classes defined by one loader.
	 * @param loader the loader, to close when done
	 * @param types the bean classes
	 */
	record Loaded(URLClassLoader loader, List<Class<?>> types) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			this.loader.close();
		}

	}

}
