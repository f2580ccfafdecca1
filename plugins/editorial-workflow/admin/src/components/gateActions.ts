import { useWorkflowTypes } from '../api';

type Description = unknown;
type ActionComponent = ((props: { model: string }) => Description) & { type?: string; position?: unknown };

const GATED_TYPES = new Set(['publish', 'unpublish']);

/**
 * Hides the content manager's own publish and unpublish actions on content types under the
 * workflow, because the server refuses them there. The workflow panel publishes instead.
 */
export const gateActions = (actions: ActionComponent[]): ActionComponent[] =>
  actions.map((action) => {
    if (!action.type || !GATED_TYPES.has(action.type)) return action;
    const gated: ActionComponent = (props) => {
      const types = useWorkflowTypes();
      // The original is called on every render so that its hooks run in the same order.
      const description = action(props);
      if (!types || types.includes(props.model)) return null;
      return description;
    };
    gated.type = action.type;
    gated.position = action.position;
    return gated;
  });
