"""reviewer labels per KCS criterion; per-criterion probabilities of scored notes

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "criterion_labels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.String(length=100), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), nullable=True),
        sa.Column("criterion", sa.String(length=32), nullable=False),
        sa.Column("met", sa.Boolean(), nullable=False),
        sa.Column("model_met", sa.Boolean(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_criterion_labels_ticket_id_tickets"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"], ["users.id"], name=op.f("fk_criterion_labels_reviewer_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_criterion_labels")),
    )
    with op.batch_alter_table("criterion_labels", schema=None) as batch_op:
        batch_op.create_index(
            "ix_criterion_labels_ticket", ["ticket_id", "criterion"], unique=False
        )
    with op.batch_alter_table("note_scores", schema=None) as batch_op:
        batch_op.add_column(sa.Column("probabilities", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("note_scores", schema=None) as batch_op:
        batch_op.drop_column("probabilities")
    with op.batch_alter_table("criterion_labels", schema=None) as batch_op:
        batch_op.drop_index("ix_criterion_labels_ticket")
    op.drop_table("criterion_labels")
