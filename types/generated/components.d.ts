import type { Schema, Struct } from '@strapi/strapi';

export interface ArticleEvent extends Struct.ComponentSchema {
  collectionName: 'components_article_events';
  info: {
    displayName: 'Event schedule';
    icon: 'calendar';
  };
  attributes: {
    chairedBy: Schema.Attribute.Enumeration<
      ['leadership', 'unit_head', 'other']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'other'>;
    closingCeremonyAt: Schema.Attribute.DateTime;
    communicationsCentrePresent: Schema.Attribute.Boolean &
      Schema.Attribute.DefaultTo<false>;
    endsAt: Schema.Attribute.DateTime;
    highlightedInCommunicationPlan: Schema.Attribute.Boolean &
      Schema.Attribute.DefaultTo<false>;
    kind: Schema.Attribute.Enumeration<['single_session', 'multi_day']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'single_session'>;
    location: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    openingCeremonyAt: Schema.Attribute.DateTime;
    startsAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
  };
}

export interface QuestionUnitOpinion extends Struct.ComponentSchema {
  collectionName: 'components_question_unit_opinions';
  info: {
    displayName: 'Unit opinion';
    icon: 'discuss';
  };
  attributes: {
    opinion: Schema.Attribute.Text;
    requestedAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    respondedAt: Schema.Attribute.DateTime;
    unit: Schema.Attribute.Relation<
      'oneToOne',
      'api::organization-unit.organization-unit'
    >;
  };
}

export interface UnitFocalPoint extends Struct.ComponentSchema {
  collectionName: 'components_unit_focal_points';
  info: {
    displayName: 'Focal point';
    icon: 'user';
  };
  attributes: {
    active: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<true>;
    email: Schema.Attribute.Email &
      Schema.Attribute.Required &
      Schema.Attribute.Private;
    fullName: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    phone: Schema.Attribute.String &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 32;
      }>;
    position: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
  };
}

export interface UnitPhoneEntry extends Struct.ComponentSchema {
  collectionName: 'components_unit_phone_entries';
  info: {
    displayName: 'Phone directory entry';
    icon: 'phone';
  };
  attributes: {
    email: Schema.Attribute.Email;
    label: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    phone: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 32;
      }>;
  };
}

export interface UnitStaffMember extends Struct.ComponentSchema {
  collectionName: 'components_unit_staff_members';
  info: {
    displayName: 'Staff member';
    icon: 'user';
  };
  attributes: {
    email: Schema.Attribute.Email;
    fullName: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
    phone: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 32;
      }>;
    role: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 255;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'article.event': ArticleEvent;
      'question.unit-opinion': QuestionUnitOpinion;
      'unit.focal-point': UnitFocalPoint;
      'unit.phone-entry': UnitPhoneEntry;
      'unit.staff-member': UnitStaffMember;
    }
  }
}
