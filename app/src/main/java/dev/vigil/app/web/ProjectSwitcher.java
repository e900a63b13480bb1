package dev.vigil.app.web;

import dev.vigil.app.accounts.Projects;
import dev.vigil.app.accounts.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The page header's project switcher: the signed-in user's projects with how many checks are down in each. Read
 * only when a page's layout shows it (never for the dashboard's JSON refresh), and at most once per request.
 */
@ApplicationScoped
public class ProjectSwitcher {

    /** The switcher's entries of one request, read on first use. */
    public static final class Menu {

        public static final Menu NONE = new Menu(List::of);

        private final Supplier<List<Projects.Summary>> read;
        private List<Projects.Summary> entries;

        Menu(Supplier<List<Projects.Summary>> read) {
            this.read = read;
        }

        public synchronized List<Projects.Summary> entries() {
            if (entries == null) {
                entries = read.get();
            }
            return entries;
        }
    }

    @Inject
    Projects projects;

    Menu menu(Optional<SignedIn> user) {
        return user.map(u -> new Menu(() -> projects.of(u.userId()))).orElse(Menu.NONE);
    }
}
