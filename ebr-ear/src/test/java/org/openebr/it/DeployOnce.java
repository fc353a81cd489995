package org.openebr.it;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

/**
 * An Arquillian extension that keeps the EAR deployed from one test class to the next while the
 * next class deploys the same archive (the same object: {@link Deployments} builds each kind once): deploying it again for each of some 25 classes
 * cost about 7 s a class. A class that deploys another archive (e.g. the EAR exactly as built,
 * without the test probes) has the previous one undeployed first; the last one is undeployed
 * before the server stops. Test classes still declare their {@code @Deployment}, so a class run
 * alone deploys what it needs. Registered in META-INF/services.
 */
public final class DeployOnce implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Keeper.class);
    }

    /** What is deployed on the server now; one test JVM runs the classes one after another. */
    public static final class Keeper {

        private static String deployedName;
        private static Archive<?> deployedArchive;
        private static ProtocolMetaData deployedMetaData;
        private static DeployableContainer<?> deployedOn;

        @Inject
        @DeploymentScoped
        private InstanceProducer<DeploymentDescription> description;

        @Inject
        @DeploymentScoped
        private InstanceProducer<Deployment> deployment;

        @Inject
        @DeploymentScoped
        private InstanceProducer<ProtocolMetaData> protocolMetaData;

        /** Inside the deployment context (precedence below its handler's 0), before the container deploys. */
        public void deploy(@Observes(precedence = -100) EventContext<DeployDeployment> context) throws DeploymentException {
            DeployDeployment event = context.getEvent();
            DeploymentDescription wanted = event.getDeployment().getDescription();
            if (!wanted.isArchiveDeployment() || wanted.testable()) {
                context.proceed();
                return;
            }
            String name = wanted.getArchive().getName();
            // the very archive object (Deployments builds each kind once): a class that deploys an
            // archive of the same name with other content gets its own deployment
            if (wanted.getArchive() == deployedArchive && event.getDeployableContainer() == deployedOn) {
                description.set(wanted);
                deployment.set(event.getDeployment());
                protocolMetaData.set(deployedMetaData);
                event.getDeployment().deployed();
                return;
            }
            undeployKept();
            context.proceed();
            deployedName = name;
            deployedArchive = wanted.getArchive();
            deployedMetaData = protocolMetaData.get();
            deployedOn = event.getDeployableContainer();
        }

        /** The kept archive stays deployed for the next class. */
        public void undeploy(@Observes(precedence = -100) EventContext<UnDeployDeployment> context) {
            DeploymentDescription leaving = context.getEvent().getDeployment().getDescription();
            if (leaving.isArchiveDeployment() && leaving.getArchive() == deployedArchive) {
                context.getEvent().getDeployment().undeployed();
                return;
            }
            context.proceed();
        }

        public void stop(@Observes BeforeStop event) throws DeploymentException {
            undeployKept();
        }

        private static void undeployKept() throws DeploymentException {
            if (deployedName != null) {
                DeployableContainer<?> container = deployedOn;
                Archive<?> archive = deployedArchive;
                deployedName = null;
                deployedArchive = null;
                deployedMetaData = null;
                deployedOn = null;
                container.undeploy(archive);
            }
        }
    }
}
