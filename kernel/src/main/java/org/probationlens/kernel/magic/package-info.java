/** The kernel's {@code %} commands ({@code %time}, {@code %timeit}, {@code %classpath}, ...). */
package org.probationlens.kernel.magic;
