package dev.vigil.app.admin;

import dev.vigil.app.api.ApiKeys;
import dev.vigil.app.api.ProjectStore;
import dev.vigil.app.db.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates a user (or finds it by email) and a project owned by it, with a ping key and both API keys; or, when that
 * user already owns a project of that name, finds it, so that running a bootstrap script twice makes one project.
 */
@ApplicationScoped
public class ProjectProvisioner {

    /**
     * The project and, when it was created now, its API keys: shown once, only their hashes are kept (the ping key
     * is an identifier). An existing project comes without keys.
     */
    public record NewProject(UUID project, String pingKey, String apiKey, String apiKeyReadOnly) {

        public boolean created() {
            return apiKey != null;
        }
    }

    @Inject
    Transactions tx;

    public NewProject create(String email, String projectName) {
        return tx.run(c -> {
            ProjectStore projects = new ProjectStore(c);
            long owner = projects.lockUser(email);
            Optional<ProjectStore.Existing> existing = projects.owned(owner, projectName);
            if (existing.isPresent()) {
                return new NewProject(existing.get().id(), existing.get().pingKey(), null, null);
            }
            NewProject p = new NewProject(UUID.randomUUID(), ApiKeys.randomText(22).toLowerCase(Locale.ROOT),
                    ApiKeys.generate(false), ApiKeys.generate(true));
            projects.insert(p.project(), projectName, owner, p.pingKey(), ApiKeys.randomText(32));
            projects.addBootstrapKeys(p.project(), p.apiKey(), p.apiKeyReadOnly());
            return p;
        });
    }
}
