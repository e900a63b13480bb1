/** Public status badges (SVG, JSON, shields.io) for a project's tags and for single checks. */
package dev.vigil.app.badges;
